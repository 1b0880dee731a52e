package io.egostream.ingest.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.synth.EpicKitchensCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraRunnerTest {

    @Test
    void shouldSendEveryFrameOfEveryCameraInCaptureOrder() {
        final SimulationSettings settings = new SimulationSettings(3, 10_000, 5, 8, true, 40, "cam");
        final List<CameraRecord> sent = new ArrayList<>();
        final CameraRunner runner = new CameraRunner(CameraFleet.create(settings, EpicKitchensCsv.shipped()),
                sent::add, System.currentTimeMillis());
        runner.run();
        assertEquals(120, runner.framesSent());
        assertEquals(3, runner.endOfStreamsSent());
        assertEquals(123, sent.size());
        final Map<String, Long> lastCapture = new HashMap<>();
        for (final CameraRecord record : sent) {
            final long previous = lastCapture.getOrDefault(record.cameraId(), Long.MIN_VALUE);
            assertTrue(record.captureTimeMs() >= previous, "capture times must not go back per camera");
            lastCapture.put(record.cameraId(), record.captureTimeMs());
        }
        assertTrue(sent.get(sent.size() - 1) instanceof EndOfStream);
    }

    @Test
    void scheduleSpreadsCamerasOverAStride() {
        final SendSchedule schedule = new SendSchedule(1_000, 500, 1, 4);
        assertEquals(1_000, schedule.dueMs(0, 0));
        assertEquals(1_125, schedule.dueMs(1, 0));
        assertEquals(1_500, schedule.dueMs(0, 1));
        assertEquals(1_050, new SendSchedule(1_000, 500, 10, 1).dueMs(0, 1));
    }

    @Test
    void stopEndsAnUnlimitedRun() throws InterruptedException {
        final SimulationSettings settings = new SimulationSettings(2, 100, 5, 8, true, 0, "cam");
        final List<CameraRecord> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        final CameraRunner runner = new CameraRunner(CameraFleet.create(settings, EpicKitchensCsv.shipped()),
                sent::add, System.currentTimeMillis());
        final Thread thread = new Thread(runner);
        thread.start();
        final long deadline = System.currentTimeMillis() + 10_000;
        while (sent.size() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        runner.stop();
        thread.join(2_000);
        assertTrue(!thread.isAlive(), "runner must stop");
        assertTrue(runner.framesSent() >= 10);
    }
}
