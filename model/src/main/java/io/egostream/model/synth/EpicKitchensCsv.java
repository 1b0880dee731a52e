package io.egostream.model.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads EPIC-KITCHENS-100 action annotations (CSV columns {@code narration_id, video_id, start_timestamp,
 * stop_timestamp, narration, verb_class, noun_class}, timestamps {@code HH:MM:SS.ss}) into an
 * {@link AnnotationSet}.
 *
 * <p>EgoStream ships the validation split (9,668 segments of 138 videos, 97 verb and 300 noun classes),
 * gzip-compressed, under {@value #RESOURCE_DIR} with its licence (CC BY-NC 4.0; Damen et al., "Rescaling
 * Egocentric Vision", IJCV 2022).
 */
public final class EpicKitchensCsv {

    /** Classpath folder of the shipped annotations. */
    public static final String RESOURCE_DIR = "/io/egostream/data/epic-kitchens-100/";

    private static final List<String> SEGMENT_COLUMNS = List.of("narration_id", "video_id", "start_timestamp",
            "stop_timestamp", "narration", "verb_class", "noun_class");

    private static AnnotationSet shipped;

    private EpicKitchensCsv() {}

    /**
     * The shipped EPIC-KITCHENS-100 validation annotations (loaded once, then shared: the set is immutable).
     *
     * @return 138 videos with their real durations, 97 verbs, 300 nouns
     */
    public static synchronized AnnotationSet shipped() {
        if (shipped == null) {
            final ClassVocabulary vocabulary = shippedVocabulary();
            final Map<String, Double> durations = readDurations();
            shipped = readSegments("EPIC_100_validation.csv", resource("EPIC_100_validation.csv.gz"),
                    vocabulary, durations);
        }
        return shipped;
    }

    /**
     * The 97 verb and 300 noun class names of EPIC-KITCHENS-100.
     *
     * @return the vocabulary
     */
    public static ClassVocabulary shippedVocabulary() {
        return new ClassVocabulary(readClassNames("EPIC_100_verb_classes.csv"),
                readClassNames("EPIC_100_noun_classes.csv"));
    }

    /**
     * Reads an annotation CSV in the EPIC-KITCHENS-100 format with the EPIC-KITCHENS-100 vocabulary. Video
     * durations come from the shipped video list for known video ids; another video lasts until its last
     * segment ends.
     *
     * @param csv the file (plain or {@code .gz})
     * @return the annotations
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, line and column when it is malformed
     */
    public static AnnotationSet read(final Path csv) {
        try (InputStream raw = Files.newInputStream(csv)) {
            final InputStream in = csv.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return readSegments(csv.toString(), in, shippedVocabulary(), readDurations());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read annotation file " + csv + ": " + e.getMessage(), e);
        }
    }

    private static AnnotationSet readSegments(final String source, final InputStream in,
            final ClassVocabulary vocabulary, final Map<String, Double> durations) {
        final CsvTable table = table(source, in, SEGMENT_COLUMNS);
        final Map<String, List<ActionSegment>> byVideo = new LinkedHashMap<>();
        for (int row = 0; row < table.size(); row++) {
            final double start = table.getTimestampSeconds(row, "start_timestamp");
            final double end = table.getTimestampSeconds(row, "stop_timestamp");
            final ActionSegment segment;
            try {
                segment = new ActionSegment(table.get(row, "narration_id"), start, end,
                        table.getInt(row, "verb_class"), table.getInt(row, "noun_class"),
                        table.get(row, "narration"));
            } catch (IllegalArgumentException e) {
                throw table.problem(row, "narration_id", e.getMessage());
            }
            byVideo.computeIfAbsent(table.get(row, "video_id"), v -> new ArrayList<>()).add(segment);
        }
        final List<VideoTimeline> timelines = new ArrayList<>();
        for (final Map.Entry<String, List<ActionSegment>> video : byVideo.entrySet()) {
            final double lastEnd = video.getValue().stream().mapToDouble(ActionSegment::endSeconds).max().orElse(0);
            final double duration = Math.max(lastEnd, durations.getOrDefault(video.getKey(), lastEnd));
            timelines.add(new VideoTimeline(video.getKey(), duration, video.getValue()));
        }
        if (timelines.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no annotated segment");
        }
        return new AnnotationSet(vocabulary, timelines);
    }

    private static Map<String, Double> readDurations() {
        final CsvTable table = table("EPIC_100_video_info.csv", resource("EPIC_100_video_info.csv.gz"),
                List.of("video_id", "duration"));
        final Map<String, Double> durations = new HashMap<>();
        for (int row = 0; row < table.size(); row++) {
            durations.put(table.get(row, "video_id"), table.getDouble(row, "duration"));
        }
        return durations;
    }

    private static List<String> readClassNames(final String file) {
        final CsvTable table = table(file, resource(file + ".gz"), List.of("id", "key"));
        final List<String> names = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            final int id = table.getInt(row, "id");
            if (id != names.size()) {
                throw table.problem(row, "id", "class ids must be 0, 1, 2, ... in order; got " + id);
            }
            names.add(table.get(row, "key"));
        }
        return names;
    }

    private static CsvTable table(final String source, final InputStream in, final List<String> columns) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return CsvTable.read(source, reader, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(final String name) {
        final InputStream raw = EpicKitchensCsv.class.getResourceAsStream(RESOURCE_DIR + name);
        if (raw == null) {
            throw new IllegalStateException("the shipped annotation file " + RESOURCE_DIR + name
                    + " is missing from the classpath");
        }
        try {
            return new GZIPInputStream(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + name + ": " + e.getMessage(), e);
        }
    }
}
