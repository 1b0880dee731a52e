package io.egostream.training.bench;

import io.egostream.model.synth.ActionSegment;
import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.ClassVocabulary;
import io.egostream.model.synth.VideoTimeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The EGTEA Gaze+ action timelines of split 1 (train and test clips together: 10,321 actions in 86
 * cooking sessions, 19 verbs, 53 nouns), shipped under {@value #RESOURCE_DIR} with a provenance note.
 * Each split line {@code <session>-<start_ms>-<end_ms>-F<start>-F<end> <action> <verb> <noun...>} (ids
 * 1-based) becomes an action of its session; the first noun is kept. A session lasts until its last action
 * ends plus {@value #TAIL_SECONDS} s (the annotations give no video length).
 */
public final class EgteaGazePlus {

    /** Classpath folder of the shipped annotations. */
    public static final String RESOURCE_DIR = "/io/egostream/data/egtea-gaze-plus/";
    /** Seconds added after a session's last action. */
    public static final double TAIL_SECONDS = 2.0;

    private static AnnotationSet shipped;

    private EgteaGazePlus() {
    }

    /** @return the shipped timelines (loaded once) */
    public static synchronized AnnotationSet shipped() {
        if (shipped == null) {
            final ClassVocabulary vocabulary = new ClassVocabulary(names("verb_idx.txt"), names("noun_idx.txt"));
            final Map<String, List<ActionSegment>> sessions = new TreeMap<>();
            for (final String file : List.of("train_split1.txt.gz", "test_split1.txt.gz")) {
                for (final String line : lines(file, true)) {
                    parse(file, line, sessions);
                }
            }
            final List<VideoTimeline> timelines = new ArrayList<>();
            sessions.forEach((session, segments) -> timelines.add(new VideoTimeline(session,
                    segments.stream().mapToDouble(ActionSegment::endSeconds).max().orElseThrow() + TAIL_SECONDS,
                    segments)));
            shipped = new AnnotationSet(vocabulary, timelines);
        }
        return shipped;
    }

    private static void parse(final String file, final String line, final Map<String, List<ActionSegment>> out) {
        final String[] fields = line.trim().split("\\s+");
        final String[] name = fields[0].split("-");
        if (fields.length < 4 || name.length < 5) {
            throw new IllegalArgumentException(file + ": malformed split line '" + line + "'");
        }
        final String session = String.join("-", java.util.Arrays.copyOf(name, name.length - 4));
        final double start = Long.parseLong(name[name.length - 4]) / 1000.0;
        final double end = Long.parseLong(name[name.length - 3]) / 1000.0;
        final int verb = Integer.parseInt(fields[2]) - 1;
        final int noun = Integer.parseInt(fields[3]) - 1;
        if (end <= start) {
            return;
        }
        out.computeIfAbsent(session, k -> new ArrayList<>())
                .add(new ActionSegment(fields[0], start, end, verb, noun, ""));
    }

    private static List<String> names(final String file) {
        final Map<Integer, String> byId = new TreeMap<>();
        for (final String line : lines(file, false)) {
            final int space = line.lastIndexOf(' ');
            byId.put(Integer.parseInt(line.substring(space + 1).trim()), line.substring(0, space).trim());
        }
        return List.copyOf(new LinkedHashMap<>(byId).values());
    }

    private static List<String> lines(final String file, final boolean gzip) {
        try (InputStream raw = EgteaGazePlus.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (raw == null) {
                throw new IllegalStateException("shipped EGTEA Gaze+ file " + RESOURCE_DIR + file + " is missing");
            }
            final InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            final List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + file, e);
        }
    }
}
