package io.egostream.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ego4dDatasetTest {

    @TempDir Path tmp;

    private Ego4dDataset load() {
        return Ego4dDataset.load(new Ego4dDataDir(tmp), "train", FeatureGrid.EGOVLP);
    }

    @Test
    void arShouldTakeTheWholeClipWithSegmentsOnTheFeatureGrid() throws IOException {
        MiniEgo4d.write(tmp);
        final Ego4dDataset d = load();
        assertEquals(4, d.featureDim());
        assertEquals(1, d.ar().size());
        final ArSample ar = d.ar().get(0);
        // clip frames 100..1500 -> rows 100 // 16 = 6 to 1500 // 16 = 93
        assertEquals(new ClipWindow("v1", 6, 93), ar.window());
        // action 0: clip frames [0, 40] -> (0 + 100 % 16) / 30 and (40 + 4) / 30 seconds
        assertEquals(4 / 30f, ar.starts()[0], 1e-6f);
        assertEquals(44 / 30f, ar.ends()[0], 1e-6f);
        assertEquals(24, ar.verbs().length);
        assertEquals(0, ar.verbs()[0]);
        assertEquals(29, ar.nouns()[0]);
    }

    @Test
    void ltaShouldObserveTwoActionsAndPredictTheNextTwenty() throws IOException {
        MiniEgo4d.write(tmp);
        final List<LtaSample> lta = load().lta();
        // 24 actions: the reference's range(n - 2 - Z) gives 2 samples
        assertEquals(2, lta.size());
        final LtaSample first = lta.get(0);
        // from action 0's start (frame 100) to action 1's end (frame 190): rows 6 to 11
        assertEquals(new ClipWindow("v1", 6, 11), first.window());
        assertEquals(1, first.lastIdx());
        assertEquals(20, first.verbs().length);
        assertEquals(2, first.verbs()[0]);
        assertEquals(21, first.verbs()[19]);
        assertEquals(27, first.nouns()[0]);
    }

    @Test
    void osccShouldGroupWindowsByClipIdAndPnrShouldResampleSixteenNodes() throws IOException {
        MiniEgo4d.write(tmp);
        final Ego4dDataset d = load();
        assertEquals(1, d.oscc().size());
        final OsccSample o = d.oscc().get(0);
        assertEquals(new ClipWindow("v2", 0, 30), o.window());
        assertArrayEquals(new float[] {0f, 8f}, o.starts(), 1e-6f);
        assertArrayEquals(new float[] {8f, 16f}, o.ends(), 1e-6f);
        assertArrayEquals(new long[] {1, 0}, o.labels());
        assertEquals(1, d.pnr().size());
        final PnrSample p = d.pnr().get(0).sample(null);
        // candidates linspace(0, 240, 16, endpoint=False) = 0, 15, ..., 225; PNR 120 is candidate 8
        assertEquals(15, p.candidateFrames()[1]);
        assertEquals(8, p.pnrIndex());
        assertEquals(1f, p.labels()[8]);
        // rows linspace(0, 14, 16) truncated
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, p.rows());
    }

    @Test
    void pnrTrainingCropsShouldStayWithinTheClipAndKeepThePnr() throws IOException {
        MiniEgo4d.write(tmp);
        final PnrClip clip = load().pnr().get(0);
        final java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            final PnrSample s = clip.sample(r);
            assertTrue(s.startFrame() <= 120 && s.endFrame() >= 120, s.startFrame() + ".." + s.endFrame());
            assertTrue(s.startFrame() >= 0 && s.endFrame() <= 240);
        }
    }

    @Test
    void mqShouldKeepPrimaryLabelsOnceAndUseClipSeconds() throws IOException {
        MiniEgo4d.write(tmp);
        final Ego4dDataset d = load();
        assertEquals(List.of("cut", "wash"), d.momentLabels());
        assertEquals(1, d.mq().size());
        final MqSample m = d.mq().get(0);
        assertEquals(new ClipWindow("v3", 1, 25), m.window());
        assertEquals(1, m.truth().size());
        assertEquals(16 / 30f, m.truth().starts()[0], 1e-6f);
        assertEquals(80 / 30f, m.truth().ends()[0], 1e-6f);
        assertEquals(0, m.truth().labels()[0]);
        assertEquals(24 * 16 / 30f, m.durationSeconds(), 1e-5f);
    }

    @Test
    void aMissingFeatureFileShouldBeNamed() throws IOException {
        MiniEgo4d.write(tmp);
        MiniEgo4d.writeLta(tmp.resolve("annotations/fho_lta_train.json"), "ghost");
        final DataException e = assertThrows(DataException.class, this::load);
        assertTrue(e.getMessage().contains("ghost.npy") && e.getMessage().contains("fho_lta_train.json"),
                e.getMessage());
    }

    @Test
    void aDimensionMismatchShouldNameTheFile() throws IOException {
        MiniEgo4d.write(tmp);
        NpzFile.write(tmp.resolve("features/v2.npz"), Map.of("features", MiniEgo4d.features(40, 5)));
        final DataException e = assertThrows(DataException.class, this::load);
        assertTrue(e.getMessage().contains("v2.npz") && e.getMessage().contains("dimension 5"), e.getMessage());
    }

    @Test
    void anAnnotationOutsideItsVideoShouldBeNamed() throws IOException {
        MiniEgo4d.write(tmp);
        MiniEgo4d.writeStateChanges(tmp.resolve("annotations/fho_oscc-pnr_train.json"), 1000);
        final DataException e = assertThrows(DataException.class, this::load);
        assertTrue(e.getMessage().contains("outside video v2") && e.getMessage().contains("fho_oscc-pnr_train.json"),
                e.getMessage());
    }

    @Test
    void aMissingFieldShouldNameTheEntry() throws IOException {
        MiniEgo4d.write(tmp);
        Files.writeString(tmp.resolve("annotations/fho_lta_train.json"), "{\"clips\": [{\"video_uid\": \"v1\"}]}");
        final DataException e = assertThrows(DataException.class, this::load);
        assertTrue(e.getMessage().contains("clips[0]") && e.getMessage().contains("clip_parent_start_frame"),
                e.getMessage());
    }
}
