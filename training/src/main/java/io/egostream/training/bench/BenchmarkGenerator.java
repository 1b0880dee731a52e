package io.egostream.training.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyFormat;
import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.ClassVocabulary;
import io.egostream.model.synth.FeatureSynthesizer;
import io.egostream.model.synth.SynthesisSettings;
import io.egostream.model.synth.VideoTimeline;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.TaskSamples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the EgoStream benchmark into an empty directory (layout of {@link Ego4dDataDir}):
 * <ol>
 *   <li>chooses the videos (all, or {@code videos} of them by a seeded shuffle) and splits them by video
 *       into train / val / test (seeded); optionally keeps only the first few videos of each split;</li>
 *   <li>generates each video's features with {@link FeatureSynthesizer} (the chosen class prototypes and
 *       {@link SynthesisSettings#defaults()}, all seeded by {@code seed}, stream name = video id) and writes
 *       {@code features/<video>.npy}, {@code [T, D]} float32, one vector per 16 frames at 30 fps;</li>
 *   <li>derives every task's labels ({@link VideoLabels}) and writes {@code moments_<split>.json},
 *       {@code fho_oscc-pnr_<split>.json}, {@code fho_lta_<split>.json}, the verb/noun taxonomy, the moment
 *       classes (= the verbs), {@code benchmark.json} (settings, video lists, statistics) and the source's
 *       licence note.</li>
 * </ol>
 * Frames are at 30 fps, {@code frame = round(seconds * 30)}.
 */
public final class BenchmarkGenerator {

    /** Video frames per second of the written annotations. */
    public static final double FPS = 30.0;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkGenerator() {
    }

    /**
     * @param out an empty or missing directory
     * @param settings what to build
     * @param progress called with each video id once its features and labels are done
     * @return the statistics of each split
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if {@code out} is a non-empty directory or a file
     */
    public static List<SplitStatistics> generate(final Path out, final BenchmarkSettings settings,
            final Consumer<String> progress) throws IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || hasEntries(out))) {
            throw new IllegalArgumentException("output " + out + " must be a missing or empty directory");
        }
        final AnnotationSet set = settings.source().annotations();
        final Map<String, List<VideoTimeline>> splits = split(chooseVideos(set, settings), settings);
        Files.createDirectories(out.resolve("annotations"));
        Files.createDirectories(out.resolve("features"));
        final ClassVocabulary vocabulary = set.vocabulary();
        final FeatureSynthesizer synthesizer = new FeatureSynthesizer(
                settings.prototypes().prototypes(vocabulary, settings.featureDim(), settings.seed()),
                SynthesisSettings.defaults(), settings.seed());
        final Ego4dDataDir dir = new Ego4dDataDir(out);
        final List<SplitStatistics> statistics = new ArrayList<>();
        for (final Map.Entry<String, List<VideoTimeline>> e : splits.entrySet()) {
            final SplitWriter writer = new SplitWriter(e.getKey(), vocabulary);
            long features = 0;
            for (final VideoTimeline t : e.getValue()) {
                final float[][] frames = synthesizer.generate(t, t.videoId());
                writeFeatures(dir.features().resolve(t.videoId() + ".npy"), frames, settings.featureDim());
                features += frames.length;
                writer.add(t, VideoLabels.derive(t, vocabulary, settings.source(), settings.clipSeconds(),
                        settings.seed()));
                progress.accept(t.videoId());
            }
            JSON.writeValue(dir.lta(e.getKey()).toFile(), writer.lta());
            JSON.writeValue(dir.moments(e.getKey()).toFile(), writer.moments());
            JSON.writeValue(dir.stateChanges(e.getKey()).toFile(), writer.stateChanges());
            statistics.add(writer.statistics(e.getValue(), features));
        }
        JSON.writeValue(dir.taxonomy().toFile(), Map.of("verbs", vocabulary.verbs(), "nouns", vocabulary.nouns()));
        final StringBuilder labels = new StringBuilder();
        for (int i = 0; i < vocabulary.verbCount(); i++) {
            labels.append(i).append('\t').append(vocabulary.verbs().get(i)).append('\n');
        }
        Files.writeString(dir.momentLabels(), labels, StandardCharsets.UTF_8);
        writeManifest(out, settings, splits, statistics);
        copyLicence(out, settings.source());
        return statistics;
    }

    private static boolean hasEntries(final Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    static List<VideoTimeline> chooseVideos(final AnnotationSet set, final BenchmarkSettings settings) {
        final List<VideoTimeline> all = new ArrayList<>(set.timelines());
        if (settings.videos() == 0 || settings.videos() >= all.size()) {
            return all;
        }
        Collections.shuffle(all, new Random(settings.seed()));
        final List<VideoTimeline> chosen = new ArrayList<>(all.subList(0, settings.videos()));
        chosen.sort((a, b) -> a.videoId().compareTo(b.videoId()));
        return chosen;
    }

    static Map<String, List<VideoTimeline>> split(final List<VideoTimeline> videos, final BenchmarkSettings s) {
        if (videos.size() < 3) {
            throw new IllegalArgumentException("the benchmark needs at least 3 videos (one per split), got "
                    + videos.size());
        }
        final List<VideoTimeline> shuffled = new ArrayList<>(videos);
        Collections.shuffle(shuffled, new Random(s.seed() + 1));
        final int n = shuffled.size();
        final int val = Math.max(1, (int) Math.round(n * s.valFraction()));
        final int train = Math.max(1, Math.min(n - val - 1, (int) Math.round(n * s.trainFraction())));
        final Map<String, List<VideoTimeline>> out = new LinkedHashMap<>();
        out.put("train", limited(sorted(shuffled.subList(0, train)), s.perSplitLimit()));
        out.put("val", limited(sorted(shuffled.subList(train, train + val)), s.perSplitLimit()));
        out.put("test", limited(sorted(shuffled.subList(train + val, n)), s.perSplitLimit()));
        return out;
    }

    private static List<VideoTimeline> limited(final List<VideoTimeline> l, final int limit) {
        return limit > 0 && l.size() > limit ? List.copyOf(l.subList(0, limit)) : l;
    }

    private static List<VideoTimeline> sorted(final List<VideoTimeline> l) {
        final List<VideoTimeline> out = new ArrayList<>(l);
        out.sort((a, b) -> a.videoId().compareTo(b.videoId()));
        return out;
    }

    private static void writeFeatures(final Path file, final float[][] frames, final int dim) throws IOException {
        final float[] flat = new float[frames.length * dim];
        for (int i = 0; i < frames.length; i++) {
            System.arraycopy(frames[i], 0, flat, i * dim, dim);
        }
        Files.write(file, NpyFormat.write(NpyArray.ofFloats(new long[] {frames.length, dim}, flat)));
    }

    private static void writeManifest(final Path out, final BenchmarkSettings s,
            final Map<String, List<VideoTimeline>> splits, final List<SplitStatistics> statistics) throws IOException {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "egostream-benchmark");
        m.put("format_version", 1);
        m.put("source", s.source().id());
        m.put("seed", s.seed());
        m.put("feature_dim", s.featureDim());
        m.put("prototypes", s.prototypes().optionValue());
        m.put("feature_stride_frames", 16);
        m.put("fps", FPS);
        m.put("clip_seconds", s.clipSeconds());
        m.put("videos_per_split", s.perSplitLimit());
        m.put("lta_input_actions", TaskSamples.LTA_INPUT_ACTIONS);
        m.put("lta_future_actions", TaskSamples.LTA_FUTURE_ACTIONS);
        final Map<String, List<String>> ids = new LinkedHashMap<>();
        splits.forEach((k, v) -> ids.put(k, v.stream().map(VideoTimeline::videoId).toList()));
        m.put("videos", ids);
        m.put("statistics", statistics);
        JSON.writeValue(out.resolve("benchmark.json").toFile(), m);
    }

    private static void copyLicence(final Path out, final BenchmarkSource source) throws IOException {
        final String resource = source == BenchmarkSource.EPIC_KITCHENS_100
                ? "/io/egostream/data/epic-kitchens-100/license.txt"
                : EgteaGazePlus.RESOURCE_DIR + "PROVENANCE.md";
        try (InputStream in = BenchmarkGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("shipped licence file " + resource + " is missing");
            }
            final String note = "The action timelines of this benchmark come from " + source.id()
                    + "; the features are synthetic (EgoStream's seeded generator). Licence of the annotations:\n\n"
                    + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("ANNOTATIONS-LICENSE.txt"), note, StandardCharsets.UTF_8);
        }
    }

    /** Accumulates one split's annotation files and statistics. */
    private static final class SplitWriter {
        private final String split;
        private final ClassVocabulary vocabulary;
        private final List<Map<String, Object>> ltaClips = new ArrayList<>();
        private final List<Map<String, Object>> momentVideos = new ArrayList<>();
        private final List<Map<String, Object>> changeClips = new ArrayList<>();
        private final Set<Integer> verbs = new HashSet<>();
        private final Set<Integer> nouns = new HashSet<>();
        private int actions;
        private int clips;
        private int ltaSamples;
        private int positives;

        SplitWriter(final String split, final ClassVocabulary vocabulary) {
            this.split = split;
            this.vocabulary = vocabulary;
        }

        void add(final VideoTimeline t, final VideoLabels labels) {
            final List<Map<String, Object>> momentClips = new ArrayList<>();
            for (final BenchmarkClip c : labels.clips()) {
                if (c.actions().isEmpty()) {
                    continue;
                }
                clips++;
                actions += c.actions().size();
                ltaSamples += Math.max(0, c.actions().size() - TaskSamples.LTA_INPUT_ACTIONS
                        - TaskSamples.LTA_FUTURE_ACTIONS);
                final long clipStart = frame(c.startSeconds());
                final long clipEnd = frame(c.endSeconds());
                final List<Map<String, Object>> labelsOut = new ArrayList<>();
                for (int i = 0; i < c.actions().size(); i++) {
                    final var a = c.actions().get(i);
                    verbs.add(a.verbClass());
                    nouns.add(a.nounClass());
                    final Map<String, Object> e = new LinkedHashMap<>();
                    e.put("video_uid", t.videoId());
                    e.put("clip_id", c.index());
                    e.put("clip_uid", c.clipUid());
                    e.put("action_idx", i);
                    e.put("clip_parent_start_sec", c.startSeconds());
                    e.put("clip_parent_end_sec", c.endSeconds());
                    e.put("clip_parent_start_frame", clipStart);
                    e.put("clip_parent_end_frame", clipEnd);
                    e.put("action_clip_start_sec", a.startSeconds() - c.startSeconds());
                    e.put("action_clip_end_sec", a.endSeconds() - c.startSeconds());
                    e.put("action_clip_start_frame", frame(a.startSeconds()) - clipStart);
                    e.put("action_clip_end_frame", frame(a.endSeconds()) - clipStart);
                    e.put("verb", vocabulary.verbs().get(a.verbClass()));
                    e.put("verb_label", a.verbClass());
                    e.put("noun", vocabulary.nouns().get(a.nounClass()));
                    e.put("noun_label", a.nounClass());
                    ltaClips.add(e);
                    final Map<String, Object> l = new LinkedHashMap<>();
                    l.put("label", vocabulary.verbs().get(a.verbClass()));
                    l.put("primary", true);
                    l.put("start_time", a.startSeconds() - c.startSeconds());
                    l.put("end_time", a.endSeconds() - c.startSeconds());
                    l.put("video_start_time", a.startSeconds());
                    l.put("video_end_time", a.endSeconds());
                    l.put("video_start_frame", frame(a.startSeconds()));
                    l.put("video_end_frame", Math.max(frame(a.endSeconds()), frame(a.startSeconds()) + 1));
                    labelsOut.add(l);
                }
                final Map<String, Object> clip = new LinkedHashMap<>();
                clip.put("clip_uid", c.clipUid());
                clip.put("video_start_sec", c.startSeconds());
                clip.put("video_end_sec", c.endSeconds());
                clip.put("video_start_frame", clipStart);
                clip.put("video_end_frame", clipEnd);
                clip.put("annotations", List.of(Map.of("annotator_uid", "egostream-benchmark", "labels", labelsOut)));
                momentClips.add(clip);
            }
            if (!momentClips.isEmpty()) {
                final Map<String, Object> v = new LinkedHashMap<>();
                v.put("video_uid", t.videoId());
                v.put("split", split);
                v.put("clips", momentClips);
                momentVideos.add(v);
            }
            for (final StateChangeWindow w : labels.windows()) {
                final Map<String, Object> e = new LinkedHashMap<>();
                e.put("unique_id", w.uniqueId());
                e.put("video_uid", w.videoUid());
                e.put("clip_id", w.clipId());
                e.put("clip_uid", w.clipId());
                e.put("parent_start_sec", w.startSeconds());
                e.put("parent_end_sec", w.endSeconds());
                e.put("parent_start_frame", frame(w.startSeconds()));
                e.put("parent_end_frame", frame(w.endSeconds()));
                e.put("state_change", w.stateChange());
                e.put("parent_pnr_frame", w.stateChange() ? frame(w.keyframeSeconds()) : null);
                changeClips.add(e);
                positives += w.stateChange() ? 1 : 0;
            }
        }

        Map<String, Object> lta() {
            return Map.of("version", "v1", "split", split, "clips", ltaClips);
        }

        Map<String, Object> moments() {
            return Map.of("version", "v1", "videos", momentVideos);
        }

        Map<String, Object> stateChanges() {
            return Map.of("version", "v1", "split", split, "clips", changeClips);
        }

        SplitStatistics statistics(final List<VideoTimeline> videos, final long features) {
            final double hours = videos.stream().mapToDouble(VideoTimeline::durationSeconds).sum() / 3600.0;
            return new SplitStatistics(split, videos.size(), Math.round(hours * 100) / 100.0, features, actions,
                    clips, ltaSamples, changeClips.size(), positives, verbs.size(), nouns.size());
        }
    }

    static long frame(final double seconds) {
        return Math.round(seconds * FPS);
    }
}
