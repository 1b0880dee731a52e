package io.egostream.stream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recompute baseline on the real engine (small preset): every window of a closed stream, once. */
class WindowedModelInferenceTest {

    @Test
    void shouldRunEveryWindowOfAClosedStreamAsItsOwnClip() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_PRESET", "small",
                "EGOSTREAM_MODEL_FEATURE_DIM", "32", "EGOSTREAM_MODEL_DEVICE", "cpu"));
        final float[][] frames = new float[40][32];
        final Random random = new Random(3);
        for (final float[] f : frames) {
            for (int d = 0; d < f.length; d++) {
                f[d] = random.nextFloat();
            }
        }
        final NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
        try (WindowedModelInference inference = new WindowedModelInference(loaded.model(), loaded.ref(), manager,
                config)) {
            final CameraSession session = new CameraSession("cam-1", 0);
            final List<TaskResult> results = inference.step(List.of(new CameraWork(session, 0, 39, true,
                    (first, last) -> java.util.Arrays.copyOfRange(frames, (int) first, (int) last + 1))));
            final Map<Task, Integer> counts = new EnumMap<>(Task.class);
            for (final TaskResult r : results) {
                counts.merge(r.task(), 1, Integer::sum);
                assertEquals(EventStatus.FINAL, r.status());
                assertTrue(r.frames().last() <= 39);
                if (r.task() == Task.PNR) {
                    assertTrue(r.frames().contains(r.keyframeIndex()));
                }
            }
            final TaskWindows windows = TaskWindows.from(config);
            for (final Task task : List.of(Task.AR, Task.OSCC, Task.PNR, Task.LTA)) {
                assertEquals(windows.plan(task).all(40).size(), counts.get(task), task.toString());
            }
            assertTrue(counts.getOrDefault(Task.MQ, 0) > 0, "MQ candidates of the tail window");
        }
    }
}
