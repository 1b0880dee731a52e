package io.egostream.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers of the Ego4D annotation files (evaluation.md section 7) and of the label lists next to them.
 */
public final class Ego4dAnnotations {

    private Ego4dAnnotations() {
    }

    /**
     * @param file {@code fho_lta_<split>.json}
     * @return every action, in file order
     */
    public static List<LtaAction> readLta(final Path file) {
        final List<LtaAction> out = new ArrayList<>();
        for (final JsonEntry e : JsonEntry.readFile(file).array("clips")) {
            out.add(LtaAction.of(e));
        }
        return out;
    }

    /**
     * @param file {@code fho_oscc-pnr_<split>.json}
     * @return every clip, in file order
     */
    public static List<StateChangeClip> readStateChanges(final Path file) {
        final List<StateChangeClip> out = new ArrayList<>();
        for (final JsonEntry e : JsonEntry.readFile(file).array("clips")) {
            out.add(StateChangeClip.of(e));
        }
        return out;
    }

    /**
     * Reads the moments, keeping only primary labels and dropping exact duplicates (same frames and label)
     * across annotators, as the reference MQ dataset does. Label names lose surrounding quotes.
     *
     * @param file {@code moments_<split>.json}
     * @param labels the class names in class order
     * @return every clip (also those without moments), in file order
     * @throws DataException if a label is not in {@code labels} or a moment ends before it starts
     */
    public static List<MomentClip> readMoments(final Path file, final List<String> labels) {
        final Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        final List<MomentClip> out = new ArrayList<>();
        for (final JsonEntry video : JsonEntry.readFile(file).array("videos")) {
            final String videoUid = video.text("video_uid");
            for (final JsonEntry clip : video.array("clips")) {
                final List<MomentClip.Moment> moments = new ArrayList<>();
                if (clip.has("annotations")) {
                    for (final JsonEntry annotator : clip.array("annotations")) {
                        for (final JsonEntry label : annotator.array("labels")) {
                            if (!label.has("primary") || !label.bool("primary")) {
                                continue;
                            }
                            final String name = unquote(label.text("label"));
                            final Integer id = index.get(name);
                            if (id == null) {
                                throw label.error("has label '" + name + "', which is not one of the " + labels.size()
                                        + " moment classes");
                            }
                            final long s = label.integer("video_start_frame");
                            final long en = label.integer("video_end_frame");
                            if (en <= s) {
                                throw label.error("ends (frame " + en + ") before it starts (frame " + s + ")");
                            }
                            final MomentClip.Moment m = new MomentClip.Moment(id, name, s, en);
                            if (!moments.contains(m)) {
                                moments.add(m);
                            }
                        }
                    }
                }
                out.add(new MomentClip(videoUid, clip.text("clip_uid"), clip.integer("video_start_frame"),
                        clip.integer("video_end_frame"), moments, file.getFileName() + " " + clip.path()));
            }
        }
        return out;
    }

    /**
     * Reads the moment class names: a TSV of {@code id<TAB>label} (the reference's {@code mq_labels.tsv}),
     * sorted by id; labels lose surrounding quotes.
     *
     * @param file the label file
     * @return the names in class order
     */
    public static List<String> readMomentLabels(final Path file) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException("cannot read moment labels " + file + ": " + e.getMessage(), e);
        }
        final java.util.TreeMap<Integer, String> byId = new java.util.TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            final String[] parts = line.split("\t", 2);
            try {
                if (parts.length != 2 || byId.put(Integer.parseInt(parts[0].trim()), unquote(parts[1].trim())) != null) {
                    throw new DataException(file + " line " + (i + 1) + ": expected a unique 'id<TAB>label', got '"
                            + line + "'");
                }
            } catch (NumberFormatException e) {
                throw new DataException(file + " line " + (i + 1) + ": id '" + parts[0] + "' is not an integer", e);
            }
        }
        if (byId.isEmpty() || byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1) {
            throw new DataException(file + ": ids must be 0.." + (byId.size() - 1) + " without gaps");
        }
        return List.copyOf(byId.values());
    }

    /**
     * Reads {@code fho_lta_taxonomy.json}: {@code {"verbs": [...], "nouns": [...]}}.
     *
     * @param file the taxonomy
     * @return verbs then nouns
     */
    public static List<List<String>> readTaxonomy(final Path file) {
        final JsonEntry root = JsonEntry.readFile(file);
        return List.of(names(root, "verbs"), names(root, "nouns"));
    }

    private static List<String> names(final JsonEntry root, final String field) {
        final JsonNode v = root.node().get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw root.error("has no non-empty '" + field + "' list");
        }
        final List<String> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asText().strip()));
        return out;
    }

    private static String unquote(final String s) {
        String t = s;
        while (t.startsWith("\"")) {
            t = t.substring(1);
        }
        while (t.endsWith("\"")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
