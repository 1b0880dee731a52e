package io.egostream.training.data;

import java.util.List;

/**
 * Every task's samples of one split of an Ego4D-format data directory, with the label spaces.
 *
 * @param split the split name
 * @param verbs verb class names (AR, LTA)
 * @param nouns noun class names (AR, LTA)
 * @param momentLabels moment class names (MQ)
 * @param featureDim feature dimension {@code C}
 * @param ar AR samples
 * @param lta LTA samples
 * @param oscc OSCC samples
 * @param pnr PNR clips
 * @param mq MQ samples
 * @param features the feature directory the samples read
 */
public record Ego4dDataset(String split, List<String> verbs, List<String> nouns, List<String> momentLabels,
        int featureDim, List<ArSample> ar, List<LtaSample> lta, List<OsccSample> oscc, List<PnrClip> pnr,
        List<MqSample> mq, FeatureDirectory features) {

    /**
     * Reads one split: the three annotation files, the label lists and every feature file they name.
     *
     * @param dir the data directory
     * @param split the split ({@code train}, {@code val}, {@code test})
     * @param grid the feature grid
     * @return the samples of every task
     * @throws DataException naming the file for a missing or bad annotation or feature file, a dimension
     *     mismatch or an annotation outside its video
     */
    public static Ego4dDataset load(final Ego4dDataDir dir, final String split, final FeatureGrid grid) {
        final FeatureDirectory features = new FeatureDirectory(dir.features());
        final List<List<String>> taxonomy = Ego4dAnnotations.readTaxonomy(dir.taxonomy());
        final List<String> momentLabels = Ego4dAnnotations.readMomentLabels(dir.momentLabels());
        final List<LtaAction> actions = Ego4dAnnotations.readLta(dir.lta(split));
        checkLabels(actions, taxonomy.get(0).size(), taxonomy.get(1).size());
        final List<StateChangeClip> changes = Ego4dAnnotations.readStateChanges(dir.stateChanges(split));
        final List<MomentClip> moments = Ego4dAnnotations.readMoments(dir.moments(split), momentLabels);
        final List<ArSample> ar = TaskSamples.ar(actions, features, dir.lta(split), grid);
        final List<LtaSample> lta = TaskSamples.lta(actions, features, dir.lta(split), grid);
        final List<OsccSample> oscc = TaskSamples.oscc(changes, features, dir.stateChanges(split), grid);
        final List<PnrClip> pnr = TaskSamples.pnr(changes, features, dir.stateChanges(split), grid);
        final List<MqSample> mq = TaskSamples.mq(moments, features, dir.moments(split), grid);
        return new Ego4dDataset(split, taxonomy.get(0), taxonomy.get(1), momentLabels, features.dim(), List.copyOf(ar),
                List.copyOf(lta), List.copyOf(oscc), List.copyOf(pnr), List.copyOf(mq), features);
    }

    private static void checkLabels(final List<LtaAction> actions, final int verbs, final int nouns) {
        for (final LtaAction a : actions) {
            if (a.verb() >= verbs || a.noun() >= nouns) {
                throw new DataException(a.entry() + " has verb " + a.verb() + " and noun " + a.noun()
                        + "; the taxonomy has " + verbs + " verbs and " + nouns + " nouns");
            }
        }
    }
}
