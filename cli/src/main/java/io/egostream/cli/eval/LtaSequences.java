package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the files of {@code eval lta}. Ground truth: {@code {"<key>": {"verb": [Z ids], "noun": [Z ids]}}}, or
 * Ego4D {@code fho_lta_*.json} ({@code {"clips": [{"clip_uid", "action_idx", "verb_label", "noun_label"}]}}:
 * per clip, sorted by {@code action_idx}, every window of {@code inputs} observed actions followed by Z future
 * ones gives the sample {@code <clip_uid>_<action_idx of the last observed action>}). Predictions (the Ego4D
 * LTA submission): {@code {"<key>": {"verb": [[Z ids] x K], "noun": [[Z ids] x K]}}}.
 */
final class LtaSequences {

    /** Ground truth of one sample: {@code [Z]} verbs and nouns. */
    record Truth(int[] verbs, int[] nouns) {
    }

    /** Predictions of one sample: {@code [K][Z]} verbs and nouns. */
    record Prediction(int[][] verbs, int[][] nouns) {
    }

    private LtaSequences() {
    }

    /**
     * Reads ground truth.
     *
     * @param file the file
     * @param z future actions per sample when the file is an Ego4D fho_lta file
     * @param inputs observed actions per sample when the file is an Ego4D fho_lta file
     * @return samples by key, in file order
     * @throws InputFileException on a bad file
     */
    static Map<String, Truth> readTruth(final Path file, final int z, final int inputs) throws InputFileException {
        final Map<String, Truth> out = new LinkedHashMap<>();
        InputFileException notASample = null;
        boolean ego4d = false;
        try (JsonSource in = JsonSource.open(file)) {
            in.beginObject("sample key -> {\"verb\", \"noun\"}, or an Ego4D {\"clips\": [...]}");
            for (String key = in.nextField(); key != null; key = in.nextField()) {
                if ("clips".equals(key) && in.nextIsArray()) {
                    ego4d = true;
                    out.putAll(readEgo4dClips(in, z, inputs));
                    continue;
                }
                if (!in.nextIsObject()) {
                    // metadata of an Ego4D file ("version", ...), or a broken sample of our own format
                    if (notASample == null) {
                        notASample = in.error("sample " + key + " {\"verb\": [Z], \"noun\": [Z]} (an object)");
                    }
                    in.skipValue();
                    continue;
                }
                in.beginObject("sample " + key);
                final String at = in.pointer();
                int[] verbs = null;
                int[] nouns = null;
                for (String field = in.nextField(); field != null; field = in.nextField()) {
                    if ("verb".equals(field)) {
                        verbs = in.readInts("the future verbs [Z]");
                    } else if ("noun".equals(field)) {
                        nouns = in.readInts("the future nouns [Z]");
                    } else {
                        in.skipValue();
                    }
                }
                if (verbs == null || nouns == null) {
                    throw in.errorAt(at, "missing " + (verbs == null ? "\"verb\"" : "\"noun\"") + " ([Z] integers)");
                }
                if (verbs.length != nouns.length || verbs.length == 0) {
                    throw in.errorAt(at, "expected as many verbs as nouns, at least one; found " + verbs.length
                            + " and " + nouns.length);
                }
                out.put(key, new Truth(verbs, nouns));
            }
        }
        if (notASample != null && !ego4d) {
            throw notASample;
        }
        return out;
    }

    /** One annotated action of an Ego4D fho_lta file. */
    private record Action(int index, int verb, int noun) {
    }

    private static Map<String, Truth> readEgo4dClips(final JsonSource in, final int z, final int inputs)
            throws InputFileException {
        final Map<String, List<Action>> byClip = new LinkedHashMap<>();
        in.beginArray("the Ego4D LTA clips");
        while (in.hasElement()) {
            in.beginObject("an Ego4D LTA clip");
            final String at = in.pointer();
            String clip = null;
            Integer index = null;
            Integer verb = null;
            Integer noun = null;
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "clip_uid":
                        clip = in.readString("the clip uid");
                        break;
                    case "action_idx":
                        index = in.readInt("the action index");
                        break;
                    case "verb_label":
                        verb = in.readInt("the verb id");
                        break;
                    case "noun_label":
                        noun = in.readInt("the noun id");
                        break;
                    default:
                        in.skipValue();
                }
            }
            if (clip == null || index == null || verb == null || noun == null) {
                throw in.errorAt(at, "missing " + (clip == null ? "\"clip_uid\"" : index == null ? "\"action_idx\""
                        : verb == null ? "\"verb_label\"" : "\"noun_label\"") + " (Ego4D LTA annotation)");
            }
            byClip.computeIfAbsent(clip, c -> new ArrayList<>()).add(new Action(index, verb, noun));
        }
        final Map<String, Truth> out = new LinkedHashMap<>();
        byClip.forEach((clip, actions) -> {
            actions.sort(Comparator.comparingInt(Action::index));
            for (int i = 0; i + inputs + z <= actions.size(); i++) {
                final int[] verbs = new int[z];
                final int[] nouns = new int[z];
                for (int j = 0; j < z; j++) {
                    verbs[j] = actions.get(i + inputs + j).verb();
                    nouns[j] = actions.get(i + inputs + j).noun();
                }
                out.put(clip + "_" + actions.get(i + inputs - 1).index(), new Truth(verbs, nouns));
            }
        });
        return out;
    }

    /**
     * Reads predictions.
     *
     * @param file the file
     * @return samples by key, in file order
     * @throws InputFileException on a bad file
     */
    static Map<String, Prediction> readPredictions(final Path file) throws InputFileException {
        final Map<String, Prediction> out = new LinkedHashMap<>();
        try (JsonSource in = JsonSource.open(file)) {
            in.beginObject("sample key -> {\"verb\": [[Z] x K], \"noun\": [[Z] x K]}");
            for (String key = in.nextField(); key != null; key = in.nextField()) {
                in.beginObject("sample " + key);
                final String at = in.pointer();
                int[][] verbs = null;
                int[][] nouns = null;
                for (String field = in.nextField(); field != null; field = in.nextField()) {
                    if ("verb".equals(field)) {
                        verbs = in.readIntRows("the K predicted verb sequences");
                    } else if ("noun".equals(field)) {
                        nouns = in.readIntRows("the K predicted noun sequences");
                    } else {
                        in.skipValue();
                    }
                }
                if (verbs == null || nouns == null) {
                    throw in.errorAt(at, "missing " + (verbs == null ? "\"verb\"" : "\"noun\"")
                            + " ([K][Z] integers)");
                }
                out.put(key, new Prediction(verbs, nouns));
            }
        }
        return out;
    }
}
