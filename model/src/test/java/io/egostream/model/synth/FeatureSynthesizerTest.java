package io.egostream.model.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSynthesizerTest {

    private static final AnnotationSet EPIC = EpicKitchensCsv.shipped();

    private static FeatureSynthesizer synthesizer(final int dimension, final long seed) {
        return new FeatureSynthesizer(RandomClassPrototypes.of(EPIC.vocabulary(), dimension, seed),
                SynthesisSettings.defaults(), seed);
    }

    private static byte[] bytes(final float[][] frames) {
        final ByteBuffer out = ByteBuffer.allocate(frames.length * frames[0].length * Float.BYTES);
        for (final float[] frame : frames) {
            for (final float v : frame) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        final VideoTimeline video = EPIC.timeline("P01_11").orElseThrow();
        final byte[] a = bytes(synthesizer(256, 7).generate(video, "cam-1"));
        final byte[] b = bytes(synthesizer(256, 7).generate(video, "cam-1"));
        assertArrayEquals(a, b);
    }

    @Test
    void otherSeedOrStreamNameGivesOtherFrames() {
        final VideoTimeline video = EPIC.timeline("P01_11").orElseThrow();
        final float[] base = synthesizer(256, 7).stream(video, "cam-1").next();
        assertFalse(Arrays.equals(base, synthesizer(256, 8).stream(video, "cam-1").next()));
        assertFalse(Arrays.equals(base, synthesizer(256, 7).stream(video, "cam-2").next()));
    }

    @Test
    void streamHasOneFramePerStrideOfTheVideo() {
        final VideoTimeline video = EPIC.timeline("P01_11").orElseThrow();
        final SyntheticStream stream = synthesizer(16, 1).stream(video, "v");
        assertEquals((int) Math.floor(video.durationSeconds() * 1.875), stream.frameCount());
        while (stream.hasNext()) {
            stream.next();
        }
        assertThrows(java.util.NoSuchElementException.class, stream::next);
    }

    @Test
    void statisticsFollowRealFeaturesAtDimension2048() {
        final FeatureStatistics stats = FeatureStatistics.of(framesOf(synthesizer(2048, 42), 6));
        assertInRange("mean", stats.mean(), 0.15, 0.24);
        assertInRange("std", stats.std(), 0.19, 0.26);
        assertInRange("zero fraction", stats.zeroFraction(), 0.01, 0.08);
        assertInRange("median L2 norm", stats.medianNorm(), 11, 16);
        assertInRange("median consecutive cosine", stats.medianConsecutiveCosine(), 0.80, 0.90);
        assertTrue(stats.minimum() >= 0.0, "values must be non-negative");
    }

    @Test
    void statisticsHoldPerValueAtDimension256() {
        final FeatureStatistics stats = FeatureStatistics.of(framesOf(synthesizer(256, 42), 6));
        assertInRange("mean", stats.mean(), 0.15, 0.24);
        assertInRange("std", stats.std(), 0.19, 0.26);
        assertInRange("zero fraction", stats.zeroFraction(), 0.01, 0.08);
        assertInRange("median L2 norm", stats.medianNorm(), 11 / Math.sqrt(8), 16 / Math.sqrt(8));
        assertInRange("median consecutive cosine", stats.medianConsecutiveCosine(), 0.80, 0.90);
    }

    @Test
    void nearestVerbPrototypeIsFarAboveChance() {
        final FeatureSynthesizer synth = synthesizer(256, 3);
        int correct = 0;
        int total = 0;
        for (final VideoTimeline video : EPIC.timelines().subList(0, 6)) {
            final SyntheticStream stream = synth.stream(video, video.videoId());
            final List<float[]> frames = new ArrayList<>();
            final List<Integer> labels = new ArrayList<>();
            while (stream.hasNext()) {
                final List<ActionSegment> active = stream.activeSegments(stream.nextIndex());
                final float[] frame = stream.next();
                if (active.size() == 1) {
                    frames.add(frame);
                    labels.add(active.get(0).verbClass());
                }
            }
            final double[] mean = FeatureStatistics.columnMeans(frames);
            for (int i = 0; i < frames.size(); i++) {
                correct += nearestVerb(synth.prototypes(), frames.get(i), mean) == labels.get(i) ? 1 : 0;
                total++;
            }
        }
        final double accuracy = (double) correct / total;
        assertTrue(total > 500, "too few single-action frames: " + total);
        assertTrue(accuracy > 0.5, "nearest-prototype verb accuracy " + accuracy + " (chance 1/97)");
    }

    private static int nearestVerb(final ClassPrototypes prototypes, final float[] frame, final double[] mean) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < prototypes.verbCount(); v++) {
            final float[] p = prototypes.verb(v);
            double score = 0;
            for (int d = 0; d < frame.length; d++) {
                score += (frame[d] - mean[d]) * p[d];
            }
            if (score > bestScore) {
                bestScore = score;
                best = v;
            }
        }
        return best;
    }

    private static List<float[][]> framesOf(final FeatureSynthesizer synth, final int videos) {
        final List<float[][]> all = new ArrayList<>();
        for (final VideoTimeline video : EPIC.timelines().subList(0, videos)) {
            all.add(synth.generate(video, video.videoId()));
        }
        return all;
    }

    private static void assertInRange(final String what, final double value, final double lo, final double hi) {
        assertTrue(value >= lo && value <= hi, what + " " + value + " is outside [" + lo + ", " + hi + "]");
    }

    @Test
    void settingsOutOfRangeAreRefusedByName() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SynthesisSettings.defaults().withFramesPerSecond(0));
        assertTrue(e.getMessage().contains("frames per second"), e.getMessage());
    }
}
