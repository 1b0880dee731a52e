package io.egostream.training.language;

import io.egostream.training.data.ArSample;
import io.egostream.training.data.ClipWindow;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.VideoFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the AR actions of an Ego4D-format data directory (the EgoStream benchmark, for one) as
 * {@link ActionExamples}: each labelled action's feature is the mean of the clip's feature rows whose
 * centre ({@link FeatureGrid#centre}) lies inside the action, or of the row nearest its middle when none
 * does.
 */
public final class ActionExamplesReader {

    private ActionExamplesReader() {}

    /**
     * Reads the actions of some splits.
     *
     * @param dir the data directory
     * @param splits the splits to read, e.g. {@code train} or all three
     * @param grid the feature grid
     * @return the labelled actions of those splits in file order
     * @throws io.egostream.training.data.DataException naming the file when a file is missing or malformed
     * @throws IllegalArgumentException when the splits disagree on the vocabulary
     */
    public static ActionExamples read(final Ego4dDataDir dir, final List<String> splits, final FeatureGrid grid) {
        final List<float[]> features = new ArrayList<>();
        final List<Integer> verbs = new ArrayList<>();
        final List<Integer> nouns = new ArrayList<>();
        final List<String> uids = new ArrayList<>();
        List<String> verbNames = null;
        List<String> nounNames = null;
        for (final String split : splits) {
            final Ego4dDataset data = Ego4dDataset.load(dir, split, grid);
            if (verbNames == null) {
                verbNames = data.verbs();
                nounNames = data.nouns();
            } else if (!verbNames.equals(data.verbs()) || !nounNames.equals(data.nouns())) {
                throw new IllegalArgumentException(dir.root() + ": split " + split + " has another vocabulary");
            }
            for (final ArSample sample : data.ar()) {
                final ClipWindow w = sample.window();
                final VideoFeatures video = data.features().load(w.videoUid(), dir.lta(split));
                for (int m = 0; m < sample.verbs().length; m++) {
                    if (sample.verbs()[m] < 0 || sample.nouns()[m] < 0) {
                        continue;
                    }
                    features.add(pool(video, w, sample.starts()[m], sample.ends()[m], grid));
                    verbs.add((int) sample.verbs()[m]);
                    nouns.add((int) sample.nouns()[m]);
                    uids.add(sample.clipUid() + "#" + sample.actionIdx()[m]);
                }
            }
        }
        if (verbNames == null) {
            throw new IllegalArgumentException("no split to read in " + dir.root());
        }
        return new ActionExamples(features.toArray(new float[0][]), verbs.stream().mapToInt(Integer::intValue).toArray(),
                nouns.stream().mapToInt(Integer::intValue).toArray(), verbNames, nounNames, uids.toArray(new String[0]));
    }

    /**
     * The mean of the rows of a window whose centres lie in {@code [start, end]}.
     *
     * @param video the video's features
     * @param window the clip's rows
     * @param start action start, s from the clip
     * @param end action end, s from the clip
     * @param grid the grid
     * @return {@code [D]}
     */
    static float[] pool(final VideoFeatures video, final ClipWindow window, final float start, final float end,
            final FeatureGrid grid) {
        final List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < window.nodes(); i++) {
            final float c = grid.centre(i);
            if (c >= start && c <= end) {
                rows.add(window.startRow() + i);
            }
        }
        if (rows.isEmpty()) {
            final double middle = (start + end) / 2.0;
            final int nearest = (int) Math.round(middle / grid.strideSeconds() - 0.5);
            rows.add(window.startRow() + Math.max(0, Math.min(window.nodes() - 1, nearest)));
        }
        final float[] values = video.rows(rows.stream().mapToInt(Integer::intValue).toArray());
        final int d = video.dim();
        final float[] mean = new float[d];
        for (int r = 0; r < rows.size(); r++) {
            for (int k = 0; k < d; k++) {
                mean[k] += values[r * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= rows.size();
        }
        return mean;
    }
}
