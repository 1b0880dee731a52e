package io.egostream.training.videotext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.synth.PrototypeSource;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import io.egostream.model.videotext.VideoTextModel;
import io.egostream.text.TextEncoder;
import io.egostream.training.bench.BenchmarkGenerator;
import io.egostream.training.bench.BenchmarkSettings;
import io.egostream.training.bench.BenchmarkSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny model trained for a few epochs on 14 benchmark videos retrieves narrations and summaries of 8 held-out
 * videos far better than chance, with real sentence embeddings.
 */
class VideoTextRetrievalTest {

    @TempDir static Path tmp;
    private static TextEncoder encoder;
    private static VideoTextBenchmark bench;
    private static VideoTextConfig config;
    private static TextEmbeddings texts;

    @BeforeAll
    static void generateBenchmark() throws Exception {
        BenchmarkGenerator.generate(tmp.resolve("bench"), new BenchmarkSettings(BenchmarkSource.EPIC_KITCHENS_100,
                24, 42, 32, 300.0, 0.6, 0.1, PrototypeSource.RANDOM, 0), v -> { });
        bench = VideoTextBenchmark.load(tmp.resolve("bench"));
        config = VideoTextConfig.defaults().withDimensions(32, 64);
        encoder = TextEncoder.openDefault();
        texts = new TextEmbeddings(encoder::embed);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void benchmarkSplitIsByVideoAndCarriesNarrations() {
        assertEquals(List.of(14, 2, 8), List.of(bench.splits().get("train").size(), bench.splits().get("val").size(),
                bench.splits().get("test").size()));
        final List<String> train = bench.splits().get("train").stream().map(t -> t.videoId()).toList();
        assertTrue(bench.splits().get("test").stream().noneMatch(t -> train.contains(t.videoId())));
        assertEquals(1.875, bench.framesPerSecond(), 1e-12);
        final VideoTextCorpus test = bench.corpus("test", config);
        assertTrue(test.segments().stream().allMatch(s -> !s.narration().isBlank()));
        assertTrue(test.windows(config.windowChunks()).size() >= 15, "test windows: "
                + test.windows(config.windowChunks()).size());
    }

    @Test
    void trainedTinyModelRetrievesHeldOutVideosFarAboveChance() {
        final VideoTextCorpus train = bench.corpus("train", config);
        final VideoTextCorpus test = bench.corpus("test", config);
        final VideoTextTrainingSettings settings = new VideoTextTrainingSettings(4, 64, 16, 3e-3, 1e-4, 1, 5.0, 0.05,
                1.0, 7);
        final List<VideoTextEpoch> epochs = new ArrayList<>();
        final VideoTextTrainingResult result = VideoTextTrainer.train(VideoTextModel.initial("tiny", config, 7), train,
                null, texts, settings, new VideoTextTrainingListener() {
                    @Override
                    public void epochDone(final VideoTextEpoch e) {
                        epochs.add(e);
                    }
                });
        assertEquals(4, epochs.size());
        assertTrue(epochs.get(3).segmentLoss() < epochs.get(0).segmentLoss() * 0.8, "segment loss " + epochs);
        assertTrue(epochs.get(3).windowLoss() < epochs.get(0).windowLoss(), "window loss " + epochs);

        final RetrievalReport trained = RetrievalEvaluator.evaluate(new VideoTextEncoder(result.model()), test, texts);
        final RetrievalReport untrained = RetrievalEvaluator.evaluate(
                new VideoTextEncoder(VideoTextModel.initial("tiny", config, 7)), test, texts);
        final RetrievalScores seg = trained.textToSegment();
        assertTrue(seg.recallAt10() > 5 * seg.chanceRecallAt10(), "text->segment " + seg);
        assertTrue(seg.medianRank() < seg.chanceMedianRank() / 5, "text->segment " + seg);
        assertTrue(seg.recallAt10() > untrained.textToSegment().recallAt10() + 0.1, "untrained " + untrained);
        final RetrievalScores win = trained.textToWindowParent();
        // 23 windows only: a looser margin than the segments'.
        assertTrue(win.recallAt10() > win.chanceRecallAt10() + 0.15, "text->window " + win);
        assertTrue(win.medianRank() < win.chanceMedianRank(), "text->window " + win);
    }

    @Test
    void sameSeedGivesTheSameModel() {
        final VideoTextCorpus train = bench.corpus("val", config);
        final VideoTextTrainingSettings settings = new VideoTextTrainingSettings(1, 32, 2, 3e-3, 1e-4, 0, 5.0, 0.05,
                1.0, 11);
        final VideoTextModel a = VideoTextTrainer.train(VideoTextModel.initial("a", config, 11), train, null, texts,
                settings, new VideoTextTrainingListener() { }).model();
        final VideoTextModel b = VideoTextTrainer.train(VideoTextModel.initial("a", config, 11), train, null, texts,
                settings, new VideoTextTrainingListener() { }).model();
        for (final String name : a.weights().keySet()) {
            assertArrayEquals(a.weight(name), b.weight(name), name);
        }
    }
}
