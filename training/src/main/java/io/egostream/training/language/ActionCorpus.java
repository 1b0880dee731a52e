package io.egostream.training.language;

import io.egostream.training.data.Ego4dAnnotations;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.LtaAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action orders of a dataset, text only: per clip, its labelled actions in {@code action_idx} order, read
 * from the {@code fho_lta_<split>.json} files of an Ego4D-format directory (no features are read).
 *
 * @param name the dataset's name, e.g. {@code epic-kitchens-100}
 * @param verbNames its verb vocabulary (class keys)
 * @param nounNames its noun vocabulary
 * @param clips its clips
 */
public record ActionCorpus(String name, List<String> verbNames, List<String> nounNames, List<Clip> clips) {

    /**
     * One clip's actions in order.
     *
     * @param clipUid the clip
     * @param actionIdx {@code action_idx} of each action
     * @param verbs verb class of each action
     * @param nouns noun class of each action
     */
    public record Clip(String clipUid, int[] actionIdx, int[] verbs, int[] nouns) {

        /**
         * The number of actions.
         *
         * @return n
         */
        public int size() {
            return verbs.length;
        }
    }

    /** Copies the lists. */
    public ActionCorpus {
        verbNames = List.copyOf(verbNames);
        nounNames = List.copyOf(nounNames);
        clips = List.copyOf(clips);
    }

    /**
     * Reads the clips of some splits.
     *
     * @param dir the data directory
     * @param splits e.g. {@code train}
     * @param name the dataset's name
     * @return the corpus; unlabelled actions (class -1) end a clip's usable prefix and are dropped
     * @throws io.egostream.training.data.DataException naming the file when it is missing or malformed
     */
    public static ActionCorpus read(final Ego4dDataDir dir, final List<String> splits, final String name) {
        final List<List<String>> taxonomy = Ego4dAnnotations.readTaxonomy(dir.taxonomy());
        final List<Clip> clips = new ArrayList<>();
        for (final String split : splits) {
            final Map<String, List<LtaAction>> byClip = new LinkedHashMap<>();
            for (final LtaAction a : Ego4dAnnotations.readLta(dir.lta(split))) {
                byClip.computeIfAbsent(a.clipUid(), k -> new ArrayList<>()).add(a);
            }
            byClip.forEach((clip, actions) -> {
                actions.sort(Comparator.comparingInt(LtaAction::actionIdx));
                final List<LtaAction> labelled = actions.stream().takeWhile(a -> a.verb() >= 0 && a.noun() >= 0)
                        .toList();
                if (!labelled.isEmpty()) {
                    clips.add(new Clip(clip, labelled.stream().mapToInt(LtaAction::actionIdx).toArray(),
                            labelled.stream().mapToInt(LtaAction::verb).toArray(),
                            labelled.stream().mapToInt(LtaAction::noun).toArray()));
                }
            });
        }
        return new ActionCorpus(name, taxonomy.get(0), taxonomy.get(1), clips);
    }

    /**
     * Actions as text: the plain-English {@code "verb noun"} of actions {@code [from, to)} of a clip, joined by
     * {@code ", "}, e.g. {@code "take knife, cut onion"}; empty when the range is empty.
     *
     * @param clip a clip of this corpus
     * @param from first action, inclusive (clamped at 0)
     * @param to last action, exclusive
     * @return the text
     */
    public String text(final Clip clip, final int from, final int to) {
        final StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, from); i < to; i++) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(io.egostream.model.synth.ClassNameText.of(verbNames.get(clip.verbs()[i]))).append(' ')
                    .append(io.egostream.model.synth.ClassNameText.of(nounNames.get(clip.nouns()[i])));
        }
        return out.toString();
    }

    /**
     * The number of actions over all clips.
     *
     * @return the sum of the clip sizes
     */
    public int actions() {
        return clips.stream().mapToInt(Clip::size).sum();
    }
}
