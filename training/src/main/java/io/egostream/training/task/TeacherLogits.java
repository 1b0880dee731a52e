package io.egostream.training.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.training.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Teacher logits for distillation, read from a JSON file {@code {"<uid>": {"verb": [..], "noun": [..]}, ...}}:
 * each list is either every class's logit (dense) or {@code [class, logit]} pairs of the classes kept
 * (sparse; the others count as minus infinity, which the top-K restriction never keeps).
 * The uid of an AR action is {@code <clip_uid>#<action_idx>}; the uid of the {@code z}-th future action
 * (1-based) of an LTA sample is {@code <clip_uid>#<last observed action_idx>+<z>}.
 *
 * @param verbs verb logits by uid
 * @param nouns noun logits by uid
 */
public record TeacherLogits(Map<String, float[]> verbs, Map<String, float[]> nouns) {

    /** Copies the maps. */
    public TeacherLogits {
        verbs = Map.copyOf(verbs);
        nouns = Map.copyOf(nouns);
    }

    /**
     * @param clipUid the clip
     * @param actionIdx the action
     * @return the AR uid
     */
    public static String arUid(final String clipUid, final int actionIdx) {
        return clipUid + "#" + actionIdx;
    }

    /**
     * @param clipUid the clip
     * @param lastIdx the last observed action
     * @param z the future step, 1-based
     * @return the LTA uid
     */
    public static String ltaUid(final String clipUid, final int lastIdx, final int z) {
        return clipUid + "#" + lastIdx + "+" + z;
    }

    /**
     * @param file the JSON file
     * @param verbClasses verb logits per entry
     * @param nounClasses noun logits per entry
     * @return the teacher
     * @throws DataException naming the file and uid when an entry is malformed or has the wrong size
     */
    public static TeacherLogits read(final Path file, final int verbClasses, final int nounClasses) {
        final JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DataException("cannot read teacher logits " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataException(file + ": teacher logits must be a JSON object {uid: {verb: [...], noun: [...]}}");
        }
        final Map<String, float[]> verbs = new HashMap<>();
        final Map<String, float[]> nouns = new HashMap<>();
        for (final Map.Entry<String, JsonNode> e : root.properties()) {
            verbs.put(e.getKey(), logits(file, e.getKey(), e.getValue().get("verb"), verbClasses, "verb"));
            nouns.put(e.getKey(), logits(file, e.getKey(), e.getValue().get("noun"), nounClasses, "noun"));
        }
        return new TeacherLogits(verbs, nouns);
    }

    private static float[] logits(final Path file, final String uid, final JsonNode node, final int classes,
            final String what) {
        if (node == null || !node.isArray()) {
            throw new DataException(file + ": teacher entry '" + uid + "' has no " + what + " list");
        }
        final boolean sparse = node.size() > 0 && node.get(0).isArray();
        if (!sparse) {
            if (node.size() != classes) {
                throw new DataException(file + ": teacher entry '" + uid + "' needs " + classes + " " + what
                        + " logits, got " + node.size());
            }
            final float[] out = new float[classes];
            for (int i = 0; i < classes; i++) {
                out[i] = number(file, uid, what, node.get(i));
            }
            return out;
        }
        final float[] out = new float[classes];
        java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
        for (final JsonNode pair : node) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt()
                    || pair.get(0).asInt() < 0 || pair.get(0).asInt() >= classes) {
                throw new DataException(file + ": teacher entry '" + uid + "' " + what + " pair " + pair
                        + " must be [class in 0.." + (classes - 1) + ", logit]");
            }
            out[pair.get(0).asInt()] = number(file, uid, what, pair.get(1));
        }
        return out;
    }

    private static float number(final Path file, final String uid, final String what, final JsonNode v) {
        if (!v.isNumber()) {
            throw new DataException(file + ": teacher entry '" + uid + "' " + what + " logit " + v + " is not a number");
        }
        return (float) v.asDouble();
    }
}
