package io.egostream.training.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.OsccSample;
import io.egostream.training.data.PnrSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkGeneratorTest {

    @TempDir Path tmp;

    private static BenchmarkSettings small(final BenchmarkSource source, final long seed) {
        return new BenchmarkSettings(source, 4, seed, 8, 300.0, 0.5, 0.25, io.egostream.model.synth.PrototypeSource.RANDOM, 0);
    }

    @Test
    void theRealLoadersShouldReadEverySplitWithTheCountsTheGeneratorReports() throws IOException {
        final List<String> done = new ArrayList<>();
        final List<SplitStatistics> stats = BenchmarkGenerator.generate(tmp.resolve("b"),
                small(BenchmarkSource.EPIC_KITCHENS_100, 42), done::add);
        assertEquals(4, done.size());
        assertEquals(List.of("train", "val", "test"), stats.stream().map(SplitStatistics::split).toList());
        assertEquals(4, stats.stream().mapToInt(SplitStatistics::videos).sum());
        final Ego4dDataDir dir = new Ego4dDataDir(tmp.resolve("b"));
        for (final SplitStatistics s : stats) {
            final Ego4dDataset d = Ego4dDataset.load(dir, s.split(), FeatureGrid.EGOVLP);
            assertEquals(8, d.featureDim());
            assertEquals(97, d.verbs().size());
            assertEquals(300, d.nouns().size());
            assertEquals(d.verbs(), d.momentLabels());
            assertEquals(s.clips(), d.ar().size(), s.split());
            assertEquals(s.clips(), d.mq().size(), s.split());
            assertEquals(s.ltaSamples(), d.lta().size(), s.split());
            assertEquals(s.stateChangePositives(), d.pnr().size(), s.split());
            assertEquals(s.stateChangeWindows(), d.oscc().stream().mapToInt(o -> o.labels().length).sum());
            assertEquals(s.actions(), d.ar().stream().mapToInt(a -> a.verbs().length).sum());
            assertTrue(s.stateChangePositives() > 0, s.toString());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("b/benchmark.json")));
        assertTrue(Files.readString(tmp.resolve("b/ANNOTATIONS-LICENSE.txt")).contains("Attribution-NonCommerial"));
    }

    @Test
    void stateChangeWindowsShouldHoldTheirKeyframeAndNegativesNone() throws IOException {
        BenchmarkGenerator.generate(tmp.resolve("b"), small(BenchmarkSource.EPIC_KITCHENS_100, 42), v -> { });
        final Ego4dDataset d = Ego4dDataset.load(new Ego4dDataDir(tmp.resolve("b")), "train", FeatureGrid.EGOVLP);
        for (final var p : d.pnr()) {
            final PnrSample s = p.sample(null);
            assertTrue(s.pnrFrame() >= s.startFrame() && s.pnrFrame() <= s.endFrame());
            assertEquals(240, s.endFrame() - s.startFrame());
        }
        int negatives = 0;
        for (final OsccSample o : d.oscc()) {
            for (final long label : o.labels()) {
                negatives += label == 0 ? 1 : 0;
            }
        }
        assertTrue(negatives > 0);
    }

    @Test
    void theSameSeedShouldWriteTheSameBytesAndAnotherSeedOtherFeatures() throws IOException {
        BenchmarkGenerator.generate(tmp.resolve("a"), small(BenchmarkSource.EPIC_KITCHENS_100, 7), v -> { });
        BenchmarkGenerator.generate(tmp.resolve("b"), small(BenchmarkSource.EPIC_KITCHENS_100, 7), v -> { });
        for (final String f : List.of("annotations/fho_lta_train.json", "annotations/moments_val.json",
                "annotations/fho_oscc-pnr_test.json", "benchmark.json")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        try (var files = Files.list(tmp.resolve("a/features"))) {
            for (final Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("b/features").resolve(f.getFileName())));
            }
        }
    }

    @Test
    void theEgteaSplitShouldUseItsOwnVocabulary() throws IOException {
        final List<SplitStatistics> stats = BenchmarkGenerator.generate(tmp.resolve("e"),
                small(BenchmarkSource.EGTEA_GAZE_PLUS, 42), v -> { });
        final Ego4dDataset d = Ego4dDataset.load(new Ego4dDataDir(tmp.resolve("e")), "train", FeatureGrid.EGOVLP);
        assertEquals(19, d.verbs().size());
        assertEquals(53, d.nouns().size());
        assertEquals(stats.get(0).ltaSamples(), d.lta().size());
    }

    @Test
    void aNonEmptyOutputDirectoryShouldBeRefused() throws IOException {
        Files.createDirectories(tmp.resolve("x"));
        Files.writeString(tmp.resolve("x/keep.txt"), "mine");
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkGenerator.generate(tmp.resolve("x"), small(BenchmarkSource.EPIC_KITCHENS_100, 1), v -> { }));
    }

    @Test
    void aPerSplitLimitShouldKeepTheFirstVideosOfTheFullSplits() {
        final var all = BenchmarkSource.EPIC_KITCHENS_100.annotations().timelines();
        final BenchmarkSettings full = BenchmarkSettings.defaults(BenchmarkSource.EPIC_KITCHENS_100, 0, 42);
        final BenchmarkSettings limited = new BenchmarkSettings(full.source(), 0, 42, 256, 300.0, 0.7, 0.15,
                full.prototypes(), 2);
        final var a = BenchmarkGenerator.split(all, full);
        final var b = BenchmarkGenerator.split(all, limited);
        for (final String split : List.of("train", "val", "test")) {
            assertEquals(a.get(split).subList(0, 2), b.get(split), split);
        }
        assertEquals(138, a.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void egteaTimelinesShouldCoverEverySessionOfSplitOne() {
        final var set = EgteaGazePlus.shipped();
        assertEquals(86, set.timelines().size());
        assertEquals(10321, set.segmentCount());
        assertEquals("Inspect/Read", set.vocabulary().verbs().get(0));
    }
}
