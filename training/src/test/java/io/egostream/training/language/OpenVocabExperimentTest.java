package io.egostream.training.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.nn.openvocab.PromptTemplate;
import io.egostream.model.synth.ClassNameEmbeddings;
import io.egostream.model.synth.PrototypeSource;
import io.egostream.training.bench.BenchmarkGenerator;
import io.egostream.training.bench.BenchmarkSettings;
import io.egostream.training.bench.BenchmarkSource;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.FeatureGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole comparison on a small text-grounded benchmark (EPIC-KITCHENS-100 and EGTEA Gaze+ videos). */
class OpenVocabExperimentTest {

    private static final PromptTemplate PROMPT = new PromptTemplate("a person is going to {}");

    /**
     * Embeds a prompt as the shipped embedding of the class name inside it: the same vectors the text
     * encoder gives the names, without loading the encoder in this module's tests.
     */
    private static float[][] embed(final List<String> prompts) {
        final ClassNameEmbeddings table = ClassNameEmbeddings.shipped();
        final List<float[]> out = new ArrayList<>();
        for (final String p : prompts) {
            out.add(table.vector(p.substring("a person is going to ".length())));
        }
        return out.toArray(new float[0][]);
    }

    private static Path benchmark(final Path dir, final String source, final int videos) throws Exception {
        final BenchmarkSettings d = BenchmarkSettings.defaults(BenchmarkSource.of(source), videos, 42);
        BenchmarkGenerator.generate(dir, new BenchmarkSettings(d.source(), videos, 42, 64, d.clipSeconds(),
                d.trainFraction(), d.valFraction(), PrototypeSource.TEXT, 0), v -> { });
        return dir;
    }

    @Test
    void comparesTheThreeHeadsOnBaseNovelAndCrossDatasetClasses(@TempDir final Path tmp) throws Exception {
        final Ego4dDataDir epic = new Ego4dDataDir(benchmark(tmp.resolve("epic"), "epic-kitchens-100", 10));
        final Ego4dDataDir egtea = new Ego4dDataDir(benchmark(tmp.resolve("egtea"), "egtea-gaze-plus", 3));
        final ActionExamples train = ActionExamplesReader.read(epic, List.of("train"), FeatureGrid.EGOVLP);
        final ActionExamples heldOut = ActionExamplesReader.read(epic, List.of("val", "test"), FeatureGrid.EGOVLP);
        final ActionExamples cross = ActionExamplesReader.read(egtea, List.of("train", "val", "test"),
                FeatureGrid.EGOVLP);
        assertEquals(64, train.featureDim());
        assertTrue(train.uids()[0].contains("#"), train.uids()[0]);
        final List<String> lines = new ArrayList<>();
        final OpenVocabExperiment.Settings settings = new OpenVocabExperiment.Settings(LabelTarget.VERB, PROMPT, 32,
                0.07, 4, new TrainingBudget(8, 64, 1e-2, 1e-4, 1, 3));
        final OpenVocabExperiment.Outcome outcome =
                OpenVocabExperiment.run(train, heldOut, "egtea", cross, OpenVocabExperimentTest::embed, settings, lines::add);
        final OpenVocabReport report = outcome.report();
        assertEquals(List.of("verb-base", "verb-novel", "egtea"), report.sets().stream().map(s -> s.name()).toList());
        final OpenVocabReport.SetResult base = report.sets().get(0);
        assertEquals(3, base.heads().size());
        assertTrue(base.heads().get("closed-set").top1() > 3 * base.chance().top1(), base.toString());
        assertTrue(base.heads().get("X-MIC adapter").top1() > 3 * base.chance().top1(), base.toString());
        for (final OpenVocabReport.SetResult s : report.sets().subList(1, 3)) {
            assertFalse(s.heads().containsKey("closed-set"), "the closed-set head cannot name " + s.name());
            assertEquals(1.0 / s.classes(), s.chance().top1(), 1e-12);
            assertEquals(2, s.heads().size());
        }
        assertEquals(19, report.sets().get(2).classes(), "EGTEA Gaze+ has 19 verbs");
        assertEquals(outcome.trainedLabels(), report.baseClasses());
        assertTrue(lines.size() >= 6, lines.toString());
    }
}
