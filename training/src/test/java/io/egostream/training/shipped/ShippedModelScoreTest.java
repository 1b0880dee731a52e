package io.egostream.training.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.shipped.ShippedModel;
import io.egostream.training.bench.BenchmarkGenerator;
import io.egostream.training.bench.BenchmarkSettings;
import io.egostream.training.bench.BenchmarkSource;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.eval.EvalSettings;
import io.egostream.training.eval.EvaluationResult;
import io.egostream.training.eval.ModelEvaluator;
import io.egostream.training.eval.TaskScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped default model scores on the README's fixed subset (the first 2 videos of each split of the
 * default benchmark, {@code --videos-per-split 2}) what the README's "Default model" table says, to 1e-3.
 */
class ShippedModelScoreTest {

    private static final String BEGIN = "<!-- default-model-subset-scores -->";
    private static final String END = "<!-- /default-model-subset-scores -->";

    @TempDir Path tmp;

    @Test
    void theShippedModelShouldScoreWhatTheReadmeSaysOnTheFixedSubset() throws Exception {
        final Map<String, Double> expected = readmeScores();
        assertFalse(expected.isEmpty(), "the README has no default-model subset scores");
        final BenchmarkSettings d = BenchmarkSettings.defaults(BenchmarkSource.EPIC_KITCHENS_100, 0, 42);
        BenchmarkGenerator.generate(tmp.resolve("subset"), new BenchmarkSettings(d.source(), 0, 42, 256,
                d.clipSeconds(), d.trainFraction(), d.valFraction(), d.prototypes(), 2), v -> { });
        final Ego4dDataDir dir = new Ego4dDataDir(tmp.resolve("subset"));
        final Ego4dDataset val = Ego4dDataset.load(dir, "val", FeatureGrid.EGOVLP);
        final Ego4dDataset train = Ego4dDataset.load(dir, "train", FeatureGrid.EGOVLP);
        final Map<String, Double> measured = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager(); HierEgoPackModel model = ShippedModel.load(m)) {
            final EvaluationResult r = new ModelEvaluator(model, val, train, EvalSettings.defaults("val"))
                    .evaluate(n -> { });
            for (final TaskScores s : r.scores()) {
                s.metrics().forEach((k, v) -> measured.put(s.task() + " " + k, v));
            }
        }
        expected.forEach((key, value) -> {
            assertTrue(measured.containsKey(key), "README names " + key + ", measured " + measured.keySet());
            assertEquals(value, measured.get(key), 1e-3, key + " (measured " + measured + ")");
        });
    }

    /** The rows {@code | task | metric | value |} between the README's markers. */
    private static Map<String, Double> readmeScores() throws Exception {
        Path readme = Path.of("README.md").toAbsolutePath();
        while (!Files.isRegularFile(readme) && readme.getParent().getParent() != null) {
            readme = readme.getParent().getParent().resolve("README.md");
        }
        final String text = Files.readString(readme);
        final int begin = text.indexOf(BEGIN);
        final int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md lacks the " + BEGIN + " block");
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final String line : text.substring(begin, end).lines().toList()) {
            final List<String> cells = List.of(line.split("\\|"));
            if (cells.size() < 4 || !line.startsWith("| ") || line.startsWith("| task") || line.startsWith("|---")) {
                continue;
            }
            out.put(cells.get(1).strip() + " " + cells.get(2).strip(), Double.parseDouble(cells.get(3).strip()));
        }
        return out;
    }
}
