package io.egostream.training.bench;

import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.EpicKitchensCsv;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where the benchmark's timelines come from, and which of its verbs change an object's state. */
public enum BenchmarkSource {

    /**
     * EPIC-KITCHENS-100 validation: 138 videos, 9,668 actions, 97 verbs, 300 nouns. State-changing verbs: the
     * EPIC verb categories access, block, split and merge (open, close, turn-on, turn-off, cut, peel, pour,
     * mix, ...) plus fold, squeeze, knead, flatten, bend, stretch, form, cook and bake.
     */
    EPIC_KITCHENS_100("epic-kitchens-100", Set.of("open", "turn-on", "unroll", "unscrew", "uncover", "unwrap",
            "switch", "unlock", "close", "turn-off", "wrap", "roll", "lock", "cut", "peel", "empty", "break",
            "filter", "rip", "crush", "divide", "grate", "stab", "pour", "mix", "fill", "add", "attach", "coat",
            "fold", "squeeze", "knead", "flatten", "bend", "stretch", "form", "cook", "bake")),

    /**
     * EGTEA Gaze+ split 1: 86 sessions, 10,321 actions, 19 verbs, 53 nouns. State-changing verbs: open,
     * close, cut, turn on, turn off, spread, divide/pull apart, mix, pour, compress, crack, squeeze.
     */
    EGTEA_GAZE_PLUS("egtea-gaze-plus", Set.of("open", "close", "cut", "turn on", "turn off", "spread",
            "divide/pull apart", "mix", "pour", "compress", "crack", "squeeze"));

    private final String id;
    private final Set<String> stateChangeVerbs;

    BenchmarkSource(final String id, final Set<String> stateChangeVerbs) {
        this.id = id;
        this.stateChangeVerbs = stateChangeVerbs;
    }

    /** @return the command-line name, e.g. {@code epic-kitchens-100} */
    public String id() {
        return id;
    }

    /** @return the timelines */
    public AnnotationSet annotations() {
        return this == EPIC_KITCHENS_100 ? EpicKitchensCsv.shipped() : EgteaGazePlus.shipped();
    }

    /**
     * @param verbName a verb class name of this source
     * @return whether actions of that verb change an object's state (OSCC and PNR positives)
     */
    public boolean changesState(final String verbName) {
        return stateChangeVerbs.contains(verbName.toLowerCase(Locale.ROOT));
    }

    /**
     * @param id a command-line name
     * @return that source
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static BenchmarkSource of(final String id) {
        for (final BenchmarkSource s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown benchmark source '" + id + "' (known: "
                + List.of(EPIC_KITCHENS_100.id, EGTEA_GAZE_PLUS.id) + ")");
    }
}
