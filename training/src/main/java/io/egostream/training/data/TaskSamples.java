package io.egostream.training.data;

import io.egostream.training.loss.MqGroundTruth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the per-task samples from the annotations exactly as the reference datasets do (model.md
 * section 1), checking every window against its video's features.
 */
public final class TaskSamples {

    /** Observed actions of an LTA sample. */
    public static final int LTA_INPUT_ACTIONS = 2;
    /** Future actions of an LTA sample ({@code Z}). */
    public static final int LTA_FUTURE_ACTIONS = 20;

    private TaskSamples() {
    }

    /**
     * AR: one sample per LTA clip with every action of the clip, ordered by start frame; the clip spans
     * {@code clip_parent_start_frame .. clip_parent_end_frame} (or its last action's end when the file has
     * no end frame).
     *
     * @param actions the actions of {@code fho_lta_<split>.json}
     * @param features the feature directory
     * @param file the annotation file, for messages
     * @param grid the feature grid
     * @return the samples, in order of first appearance of each clip
     */
    public static List<ArSample> ar(final List<LtaAction> actions, final FeatureDirectory features, final Path file,
            final FeatureGrid grid) {
        final List<ArSample> out = new ArrayList<>();
        for (final List<LtaAction> clip : byClip(actions).values()) {
            final List<LtaAction> sorted = new ArrayList<>(clip);
            sorted.sort(Comparator.comparingLong(LtaAction::startFrame));
            final LtaAction first = sorted.get(0);
            final long clipStart = first.clipStartFrame();
            final long clipEnd = first.clipEndFrame() >= 0 ? first.clipEndFrame()
                    : sorted.stream().mapToLong(LtaAction::endFrame).max().orElseThrow();
            final VideoFeatures video = features.load(first.videoUid(), file);
            final ClipWindow window = ClipWindow.ofFrames(video, clipStart, clipEnd, grid,
                    file + " clip " + first.clipUid(), false);
            final int m = sorted.size();
            final float[] starts = new float[m];
            final float[] ends = new float[m];
            final long[] verbs = new long[m];
            final long[] nouns = new long[m];
            final int[] index = new int[m];
            for (int i = 0; i < m; i++) {
                final LtaAction a = sorted.get(i);
                index[i] = a.actionIdx();
                requireInside(a.startFrame(), a.endFrame(), video, grid, file + " " + a.entry());
                starts[i] = grid.relativeSeconds(a.startFrame(), clipStart);
                ends[i] = grid.relativeSeconds(a.endFrame(), clipStart);
                verbs[i] = a.verb();
                nouns[i] = a.noun();
            }
            out.add(new ArSample(first.clipUid(), window, starts, ends, verbs, nouns, index));
        }
        return out;
    }

    /**
     * LTA: for every clip (actions ordered by {@code action_idx}) and every {@code i} in
     * {@code [0, n - 2 - Z)} (the reference's range), the observed window from the start of action
     * {@code i} to the end of action {@code i + 1} and the classes of actions {@code i + 2 .. i + 1 + Z}.
     * On an unlabelled split every {@code i} in {@code [0, n - 2)} gives a sample without targets.
     *
     * @param actions the actions of {@code fho_lta_<split>.json}
     * @param features the feature directory
     * @param file the annotation file, for messages
     * @param grid the feature grid
     * @return the samples
     */
    public static List<LtaSample> lta(final List<LtaAction> actions, final FeatureDirectory features,
            final Path file, final FeatureGrid grid) {
        final List<LtaSample> out = new ArrayList<>();
        for (final List<LtaAction> clip : byClip(actions).values()) {
            final List<LtaAction> sorted = new ArrayList<>(clip);
            sorted.sort(Comparator.comparingInt(LtaAction::actionIdx));
            final boolean labelled = sorted.stream().allMatch(a -> a.verb() >= 0 && a.noun() >= 0);
            final int count = labelled ? sorted.size() - LTA_INPUT_ACTIONS - LTA_FUTURE_ACTIONS
                    : sorted.size() - LTA_INPUT_ACTIONS;
            if (count <= 0) {
                continue;
            }
            final VideoFeatures video = features.load(sorted.get(0).videoUid(), file);
            for (int i = 0; i < count; i++) {
                final LtaAction first = sorted.get(i);
                final LtaAction last = sorted.get(i + LTA_INPUT_ACTIONS - 1);
                final ClipWindow window = ClipWindow.ofFrames(video, first.startFrame(), last.endFrame(), grid,
                        file + " " + first.entry() + " (LTA observation)", true);
                final int z = labelled ? LTA_FUTURE_ACTIONS : 0;
                final long[] verbs = new long[z];
                final long[] nouns = new long[z];
                for (int k = 0; k < z; k++) {
                    final LtaAction f = sorted.get(i + LTA_INPUT_ACTIONS + k);
                    verbs[k] = f.verb();
                    nouns[k] = f.noun();
                }
                out.add(new LtaSample(first.clipUid(), window, verbs, nouns, last.actionIdx()));
            }
        }
        return out;
    }

    /**
     * OSCC: one sample per {@code clip_id}, spanning from its first window's start to its last window's end;
     * one label per window.
     *
     * @param clips the entries of {@code fho_oscc-pnr_<split>.json}
     * @param features the feature directory
     * @param file the annotation file, for messages
     * @param grid the feature grid
     * @return the samples
     */
    public static List<OsccSample> oscc(final List<StateChangeClip> clips, final FeatureDirectory features,
            final Path file, final FeatureGrid grid) {
        final Map<String, List<StateChangeClip>> groups = new LinkedHashMap<>();
        for (final StateChangeClip c : clips) {
            groups.computeIfAbsent(c.clipId(), k -> new ArrayList<>()).add(c);
        }
        final List<OsccSample> out = new ArrayList<>();
        for (final List<StateChangeClip> group : groups.values()) {
            final List<StateChangeClip> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingLong(StateChangeClip::startFrame));
            final StateChangeClip first = sorted.get(0);
            for (final StateChangeClip c : sorted) {
                if (!c.videoUid().equals(first.videoUid())) {
                    throw new DataException(file + " " + c.entry() + " shares clip_id " + c.clipId()
                            + " with a clip of another video (" + first.videoUid() + ")");
                }
            }
            final long start = first.startFrame();
            final long end = sorted.stream().mapToLong(StateChangeClip::endFrame).max().orElseThrow();
            final VideoFeatures video = features.load(first.videoUid(), file);
            final ClipWindow window = ClipWindow.ofFrames(video, start, end, grid, file + " clip_id " + first.clipId(),
                    false);
            final int m = sorted.size();
            final String[] uids = new String[m];
            final float[] starts = new float[m];
            final float[] ends = new float[m];
            final long[] labels = new long[m];
            for (int i = 0; i < m; i++) {
                final StateChangeClip c = sorted.get(i);
                uids[i] = c.uniqueId();
                starts[i] = grid.relativeSeconds(c.startFrame(), start);
                ends[i] = grid.relativeSeconds(c.endFrame(), start);
                labels[i] = c.stateChange() ? 1 : 0;
            }
            out.add(new OsccSample(first.clipId(), window, uids, starts, ends, labels));
        }
        return out;
    }

    /**
     * PNR: one clip per state-change entry whose PNR frame is inside its window.
     *
     * @param clips the entries of {@code fho_oscc-pnr_<split>.json}
     * @param features the feature directory
     * @param file the annotation file, for messages
     * @param grid the feature grid
     * @return the clips with a state change
     */
    public static List<PnrClip> pnr(final List<StateChangeClip> clips, final FeatureDirectory features,
            final Path file, final FeatureGrid grid) {
        final List<PnrClip> out = new ArrayList<>();
        for (final StateChangeClip c : clips) {
            if (!c.stateChange()) {
                continue;
            }
            if (c.pnrFrame() < c.startFrame() || c.pnrFrame() > c.endFrame()) {
                throw new DataException(file + " " + c.entry() + " has its PNR frame " + c.pnrFrame()
                        + " outside its window [" + c.startFrame() + ", " + c.endFrame() + "]");
            }
            final VideoFeatures video = features.load(c.videoUid(), file);
            ClipWindow.ofFrames(video, c.startFrame(), c.endFrame(), grid, file + " " + c.entry(), false);
            out.add(new PnrClip(c, video.frames(), grid));
        }
        return out;
    }

    /**
     * MQ: one sample per clip that has moments.
     *
     * @param clips the clips of {@code moments_<split>.json}
     * @param features the feature directory
     * @param file the annotation file, for messages
     * @param grid the feature grid
     * @return the samples
     */
    public static List<MqSample> mq(final List<MomentClip> clips, final FeatureDirectory features, final Path file,
            final FeatureGrid grid) {
        final List<MqSample> out = new ArrayList<>();
        for (final MomentClip clip : clips) {
            if (clip.moments().isEmpty()) {
                continue;
            }
            final VideoFeatures video = features.load(clip.videoUid(), file);
            final ClipWindow window = ClipWindow.ofFrames(video, clip.startFrame(), clip.endFrame(), grid,
                    file + " " + clip.entry(), false);
            final int m = clip.moments().size();
            final float[] starts = new float[m];
            final float[] ends = new float[m];
            final int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                final MomentClip.Moment mo = clip.moments().get(i);
                requireInside(mo.startFrame(), mo.endFrame(), video, grid, file + " " + clip.entry() + " moment " + i);
                starts[i] = grid.relativeSeconds(mo.startFrame(), clip.startFrame());
                ends[i] = grid.relativeSeconds(mo.endFrame(), clip.startFrame());
                labels[i] = mo.label();
            }
            final float duration = (float) (window.nodes() * grid.strideSeconds());
            out.add(new MqSample(clip.clipUid(), window, new MqGroundTruth(starts, ends, labels), duration));
        }
        return out;
    }

    private static Map<String, List<LtaAction>> byClip(final List<LtaAction> actions) {
        final Map<String, List<LtaAction>> out = new LinkedHashMap<>();
        for (final LtaAction a : actions) {
            final List<LtaAction> clip = out.computeIfAbsent(a.clipUid(), k -> new ArrayList<>());
            if (!clip.isEmpty() && !clip.get(0).videoUid().equals(a.videoUid())) {
                throw new DataException(a.entry() + " puts clip " + a.clipUid() + " in video " + a.videoUid()
                        + ", an earlier action put it in " + clip.get(0).videoUid());
            }
            clip.add(a);
        }
        return out;
    }

    private static void requireInside(final long start, final long end, final VideoFeatures video,
            final FeatureGrid grid, final String what) {
        final long videoFrames = (long) video.frames() * grid.strideFrames();
        if (start < 0 || start >= videoFrames || end > videoFrames + grid.strideFrames()) {
            throw new DataException(what + " spans frames [" + start + ", " + end + "], outside video "
                    + video.videoUid() + " (" + video.frames() + " feature vectors in " + video.source()
                    + " cover frames [0, " + videoFrames + "))");
        }
    }
}
