package io.egostream.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.synth.PrototypeSource;
import io.egostream.training.bench.BenchmarkGenerator;
import io.egostream.training.bench.BenchmarkSettings;
import io.egostream.training.bench.BenchmarkSource;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.run.ModelSize;
import io.egostream.training.run.Stage;
import io.egostream.training.run.TrainingListener;
import io.egostream.training.run.TrainingPlan;
import io.egostream.training.run.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelEvaluatorTest {

    @TempDir Path tmp;

    @Test
    void everyHeadShouldBeScoredAgainstItsChanceLevelAndReported() throws Exception {
        BenchmarkGenerator.generate(tmp.resolve("b"), new BenchmarkSettings(BenchmarkSource.EPIC_KITCHENS_100, 4, 42,
                8, 300.0, 0.5, 0.25, PrototypeSource.RANDOM, 0), v -> { });
        final Ego4dDataDir dir = new Ego4dDataDir(tmp.resolve("b"));
        final Path modelDir = new TrainingRun(new TrainingPlan(Stage.MULTI, List.of(Task.values()),
                new ModelSize(16, 4, 16, 3, 8, 4), 1, 0, 2, 1e-3, 1e-5, 1.0, 0.0, 3, 2, false, "clip", null, null),
                dir, tmp.resolve("run"), null).run(false, TrainingListener.NONE);
        final Ego4dDataset train = Ego4dDataset.load(dir, "train", FeatureGrid.EGOVLP);
        try (NDManager root = NDManager.newBaseManager(); HierEgoPackModel model = ModelDirectory.load(modelDir, root)) {
            final ModelEvaluator evaluator = new ModelEvaluator(model, train, null, EvalSettings.defaults("train"));
            final int expected = evaluator.tasks().stream().mapToInt(evaluator::batches).sum();
            final AtomicInteger passes = new AtomicInteger();
            final EvaluationResult r = evaluator.evaluate(passes::addAndGet);
            assertEquals(expected, passes.get());
            assertEquals(List.of("ar", "oscc", "pnr", "lta", "mq"), r.scores().stream().map(TaskScores::task).toList());
            for (final TaskScores s : r.scores()) {
                assertTrue(s.samples() > 0, s.task());
                assertEquals(s.metrics().keySet(), s.chance().keySet(), s.task());
                s.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v), s.task() + " " + k + " = " + v));
            }
            final TaskScores ar = r.scores().get(0);
            assertTrue(ar.metrics().get("verb_top5") >= ar.metrics().get("verb_top1"));
            final TaskScores lta = r.scores().get(3);
            assertTrue(lta.metrics().get("verb_edit_distance") <= 1.0);
            final Path md = EvaluationReport.write(tmp.resolve("report"), r, List.of(), "bench");
            final String text = Files.readString(md);
            assertTrue(text.contains("| mq |") && text.contains("map_avg"), text);
            assertTrue(Files.size(tmp.resolve("report/timeline_1.png")) > 1000);
            assertTrue(Files.size(tmp.resolve("report/per_class_ap_1.png")) > 1000);

            // the analyzer's streaming path over the same clips: scored as its own task, same metric keys
            final EvalSettings streaming = new EvalSettings("train", 0, 5, "trailing:480",
                    EvalSettings.defaults("train").nms(), 8, 0, true, 60, 5);
            final EvaluationResult s = new ModelEvaluator(model, train, null, streaming).evaluate(n -> { });
            assertEquals(List.of("ar", "oscc", "pnr", "lta", "mq", "mq_streaming"),
                    s.scores().stream().map(TaskScores::task).toList());
            final TaskScores mq = s.scores().get(4);
            final TaskScores live = s.scores().get(5);
            assertEquals(mq.samples(), live.samples());
            assertEquals(mq.metrics().keySet(), live.metrics().keySet());
            live.metrics().forEach((k, v) -> assertTrue(Double.isFinite(v) && v >= 0, "mq_streaming " + k + " = " + v));
            assertTrue(live.metrics().get("map_avg") > 0, live.metrics().toString());
        }
    }
}
