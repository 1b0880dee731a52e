package io.egostream.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.Task;
import io.egostream.model.io.NpyArray;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.WeightModule;
import io.egostream.model.synth.PrototypeSource;
import io.egostream.training.bench.BenchmarkGenerator;
import io.egostream.training.bench.BenchmarkSettings;
import io.egostream.training.bench.BenchmarkSource;
import io.egostream.training.data.Ego4dDataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

    @TempDir static Path shared;
    @TempDir Path tmp;
    private static Ego4dDataDir data;

    /** Four EPIC videos with 8-d features (two in train). */
    @BeforeAll
    static void benchmark() throws IOException {
        BenchmarkGenerator.generate(shared.resolve("bench"), new BenchmarkSettings(BenchmarkSource.EPIC_KITCHENS_100, 4,
                42, 8, 300.0, 0.5, 0.25, PrototypeSource.RANDOM, 0), v -> { });
        data = new Ego4dDataDir(shared.resolve("bench"));
    }

    private static ModelSize micro() {
        return new ModelSize(16, 4, 16, 3, 8, 4);
    }

    private static TrainingPlan plan(final Stage stage, final List<Task> tasks, final int epochs, final int steps,
            final double lr) {
        return new TrainingPlan(stage, tasks, micro(), epochs, 0, 2, lr, 1e-5, 1.0, 0.0, 7, steps, false, "clip",
                null, null);
    }

    @Test
    void singleTaskTrainingShouldLowerTheLossAndWriteALoadableModel() throws Exception {
        final List<Double> losses = new ArrayList<>();
        final Path model = new TrainingRun(plan(Stage.SINGLE, List.of(Task.AR), 12, 1, 1e-2), data, tmp.resolve("ar"),
                null).run(false, new TrainingListener() {
                    @Override
                    public void stepDone(final int epoch, final long step, final Map<String, Double> l) {
                        losses.add(l.get("ar"));
                    }
                });
        assertEquals(12, losses.size());
        final double first = (losses.get(0) + losses.get(1)) / 2;
        final double last = (losses.get(10) + losses.get(11)) / 2;
        assertTrue(last < first - 0.5, "loss should fall: " + losses);
        try (var m = ModelDirectory.load(model, ai.djl.ndarray.NDManager.newBaseManager())) {
            final HierEgoPackConfig c = m.config();
            assertEquals(List.of(Task.AR), c.heads());
            assertEquals(8, c.inputDim());
            assertEquals(97, c.numVerbs());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("ar/history.json")));
    }

    @Test
    void aResumedRunShouldEndWithTheWeightsOfAnUninterruptedOne() throws Exception {
        final TrainingPlan p = plan(Stage.MULTI, List.of(Task.AR, Task.MQ, Task.PNR), 2, 3, 3e-3);
        final Path full = new TrainingRun(p, data, tmp.resolve("full"), null).run(false, TrainingListener.NONE);
        final TrainingRun interrupted = new TrainingRun(p, data, tmp.resolve("cut"), null);
        assertThrows(IllegalStateException.class, () -> interrupted.run(false, new TrainingListener() {
            @Override
            public void epochDone(final EpochRecord record) {
                throw new IllegalStateException("stopped after epoch " + record.epoch());
            }
        }));
        assertTrue(Files.isDirectory(Checkpoint.dirOf(tmp.resolve("cut"), 1)));
        final Path resumed = new TrainingRun(p, data, tmp.resolve("cut"), null).run(true, TrainingListener.NONE);
        for (final WeightModule module : List.of(WeightModule.BACKBONE, WeightModule.HEAD_AR, WeightModule.HEAD_MQ,
                WeightModule.HEAD_PNR)) {
            final Map<String, NpyArray> a = io.egostream.model.io.NpzFile.read(full.resolve("weights/" + module.fileName()));
            final Map<String, NpyArray> b = io.egostream.model.io.NpzFile.read(resumed.resolve("weights/" + module.fileName()));
            assertEquals(a.keySet(), b.keySet());
            a.forEach((k, v) -> assertArrayEquals(v.rawBytes(), b.get(k).rawBytes(), module + ":" + k));
        }
    }

    @Test
    void resumingWithOtherSettingsShouldBeRefused() throws Exception {
        new TrainingRun(plan(Stage.SINGLE, List.of(Task.OSCC), 1, 1, 1e-3), data, tmp.resolve("o"), null)
                .run(false, TrainingListener.NONE);
        final TrainingRun other = new TrainingRun(plan(Stage.SINGLE, List.of(Task.OSCC), 2, 1, 1e-3), data,
                tmp.resolve("o"), null);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.run(true, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void egoPackShouldBuildPrototypesFromTheSupportTasksAndTrainAFreshNovelHead() throws Exception {
        final Path mtl = new TrainingRun(plan(Stage.MULTI, List.of(Task.AR, Task.LTA), 1, 2, 1e-3), data,
                tmp.resolve("mtl"), null).run(false, TrainingListener.NONE);
        final Path ep = new TrainingRun(plan(Stage.EGOPACK, List.of(Task.OSCC), 1, 2, 1e-3), data, tmp.resolve("ep"),
                mtl).run(false, TrainingListener.NONE);
        try (var m = ModelDirectory.load(ep, ai.djl.ndarray.NDManager.newBaseManager())) {
            assertTrue(m.config().hasEgoPack());
            assertEquals(List.of(Task.AR, Task.LTA), m.config().egoPack().supportTasks());
            assertTrue(m.config().hasHead(Task.OSCC));
            assertTrue(m.config().egoPack().prototypes() > 1);
        }
        // the support heads' classifiers are not trained by EgoPack
        final Map<String, NpyArray> before = io.egostream.model.io.NpzFile.read(mtl.resolve("weights/head_ar.npz"));
        final Map<String, NpyArray> after = io.egostream.model.io.NpzFile.read(ep.resolve("weights/head_ar.npz"));
        assertArrayEquals(before.get("verb_classifier.cls.weight").rawBytes(),
                after.get("verb_classifier.cls.weight").rawBytes());
    }
}
