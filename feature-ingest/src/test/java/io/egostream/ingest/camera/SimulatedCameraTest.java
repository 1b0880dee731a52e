package io.egostream.ingest.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.EpicKitchensCsv;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedCameraTest {

    private static final AnnotationSet EPIC = EpicKitchensCsv.shipped();

    private static SimulationSettings settings(final long frames) {
        return new SimulationSettings(2, 1.0, 11, 16, true, frames, "cam");
    }

    private static List<CameraRecord> drain(final SimulatedCamera camera) {
        final List<CameraRecord> out = new ArrayList<>();
        long t = 1_000;
        while (!camera.finished()) {
            camera.next(t++).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void shouldSendItsBudgetOfFramesThenEndOfStream() {
        final SimulatedCamera camera = CameraFleet.create(settings(25), EPIC).cameras().get(0);
        final List<CameraRecord> records = drain(camera);
        assertEquals(26, records.size());
        for (int i = 0; i < 25; i++) {
            final FeatureFrame frame = assertInstanceOf(FeatureFrame.class, records.get(i));
            assertEquals("cam-1", frame.cameraId());
            assertEquals(0, frame.sessionId());
            assertEquals(i, frame.frameIndex());
            assertEquals(16, frame.dimension());
        }
        final EndOfStream end = assertInstanceOf(EndOfStream.class, records.get(25));
        assertEquals(25, end.frameCount());
        assertEquals(0, end.sessionId());
    }

    @Test
    void shouldStartANewSessionAfterEachVideo() {
        final CameraFleet fleet = CameraFleet.create(settings(0), EPIC);
        final SimulatedCamera camera = fleet.cameras().get(1);
        final int firstVideoFrames = camera.currentVideo().frameCount(1.875);
        long t = 0;
        CameraRecord last = null;
        for (int i = 0; i <= firstVideoFrames; i++) {
            last = camera.next(t++).orElseThrow();
        }
        final EndOfStream end = assertInstanceOf(EndOfStream.class, last);
        assertEquals(firstVideoFrames, end.frameCount());
        final FeatureFrame next = assertInstanceOf(FeatureFrame.class, camera.next(t).orElseThrow());
        assertEquals(1, next.sessionId());
        assertEquals(0, next.frameIndex());
    }

    @Test
    void sameSettingsGiveTheSameCamerasAndCamerasDiffer() {
        final List<CameraRecord> a = drain(CameraFleet.create(settings(10), EPIC).cameras().get(0));
        final List<CameraRecord> b = drain(CameraFleet.create(settings(10), EPIC).cameras().get(0));
        final List<CameraRecord> other = drain(CameraFleet.create(settings(10), EPIC).cameras().get(1));
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(((FeatureFrame) a.get(i)).features(), ((FeatureFrame) b.get(i)).features());
        }
        assertNotEquals(((FeatureFrame) a.get(0)).features()[0], ((FeatureFrame) other.get(0)).features()[0]);
    }

    @Test
    void settingsOutOfRangeAreRefusedByName() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SimulationSettings(0, 1, 1, 256, true, 0, "cam"));
        assertTrue(e.getMessage().contains("number of cameras"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SimulationSettings(1, 0, 1, 256, true, 0, "cam"));
        assertThrows(IllegalArgumentException.class, () -> new SimulationSettings(1, 1, 1, 256, true, 0, "bad id"));
    }
}
