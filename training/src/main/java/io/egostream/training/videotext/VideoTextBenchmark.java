package io.egostream.training.videotext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.VideoTimeline;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.training.bench.BenchmarkSource;
import io.egostream.training.data.FeatureDirectory;
import io.egostream.training.data.VideoFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark directory written by {@code egostream benchmark generate}, read for video-text training: its
 * train / val / test video lists ({@code benchmark.json}), each video's features ({@code features/<video>.npy}) and
 * its annotated timeline with the real narrations (from the benchmark's source annotations, shipped with
 * EgoStream; the Ego4D-format files do not carry narrations).
 *
 * @param dir the benchmark directory
 * @param source where its timelines come from
 * @param framesPerSecond feature frames per second ({@code fps / feature_stride_frames}, 1.875)
 * @param featureDim D
 * @param prototypes the feature generator's prototype source ({@code random} or {@code text})
 * @param seed the benchmark's seed
 * @param splits video timelines per split name ({@code train}, {@code val}, {@code test})
 */
public record VideoTextBenchmark(Path dir, BenchmarkSource source, double framesPerSecond, int featureDim,
        String prototypes, long seed, Map<String, List<VideoTimeline>> splits) {

    /** The manifest file of a benchmark directory. */
    public static final String MANIFEST = "benchmark.json";

    /** Copies the splits. */
    public VideoTextBenchmark {
        splits = Map.copyOf(splits);
    }

    /**
     * Reads a benchmark directory's manifest (features are read by {@link #corpus}).
     *
     * @param dir the directory
     * @return the benchmark
     * @throws IllegalArgumentException naming the file and key when something is missing or malformed
     */
    public static VideoTextBenchmark load(final Path dir) {
        final Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: --data must be a directory written by"
                    + " 'egostream benchmark generate'");
        }
        final JsonNode m;
        try {
            m = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!"egostream-benchmark".equals(m.path("format").asText())) {
            throw new IllegalArgumentException(file + ": format is '" + m.path("format").asText()
                    + "', expected 'egostream-benchmark'");
        }
        final BenchmarkSource source = BenchmarkSource.of(text(m, "source", file));
        final double fps = number(m, "fps", file) / number(m, "feature_stride_frames", file);
        final AnnotationSet annotations = source.annotations();
        final Map<String, List<VideoTimeline>> splits = new LinkedHashMap<>();
        for (final String split : List.of("train", "val", "test")) {
            final JsonNode ids = m.path("videos").path(split);
            if (!ids.isArray() || ids.isEmpty()) {
                throw new IllegalArgumentException(file + ": videos." + split + " must be a non-empty array of video ids");
            }
            final List<VideoTimeline> timelines = new ArrayList<>();
            for (final JsonNode id : ids) {
                timelines.add(annotations.timeline(id.asText()).orElseThrow(() -> new IllegalArgumentException(file
                        + ": video " + id.asText() + " of split " + split + " is not in the " + source.id()
                        + " annotations")));
            }
            splits.put(split, timelines);
        }
        return new VideoTextBenchmark(dir, source, fps, (int) number(m, "feature_dim", file),
                m.path("prototypes").asText("random"), (long) number(m, "seed", file), splits);
    }

    /**
     * The videos of one split with their features.
     *
     * @param split {@code train}, {@code val} or {@code test}
     * @param config the model sizes (D must equal the benchmark's)
     * @return the corpus
     */
    public VideoTextCorpus corpus(final String split, final VideoTextConfig config) {
        final List<VideoTimeline> videos = splits.get(split);
        if (videos == null) {
            throw new IllegalArgumentException("unknown split '" + split + "' (known: train, val, test)");
        }
        if (config.inputDim() != featureDim) {
            throw new IllegalArgumentException("the benchmark's features are " + featureDim
                    + "-d; the video-text model reads " + config.inputDim());
        }
        return new VideoTextCorpus(videos, t -> read(t.videoId()), config, framesPerSecond);
    }

    private float[][] read(final String videoId) {
        final VideoFeatures f = FeatureDirectory.read(videoId, dir.resolve("features").resolve(videoId + ".npy"));
        final float[][] out = new float[f.frames()][f.dim()];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(f.values(), i * f.dim(), out[i], 0, f.dim());
        }
        return out;
    }

    private static String text(final JsonNode m, final String key, final Path file) {
        if (!m.path(key).isTextual()) {
            throw new IllegalArgumentException(file + ": " + key + " must be a string");
        }
        return m.path(key).asText();
    }

    private static double number(final JsonNode m, final String key, final Path file) {
        if (!m.path(key).isNumber()) {
            throw new IllegalArgumentException(file + ": " + key + " must be a number");
        }
        return m.path(key).asDouble();
    }
}
