package io.egostream.cli.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.EgoStreamCli;
import io.egostream.model.nn.openvocab.OpenVocabularyModelDirectory;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.task.TeacherLogits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code egostream train open-vocab} and {@code egostream train teacher --kind text} end to end on small
 * text-grounded benchmarks, with the real text encoder (one epoch: the commands' wiring, not their accuracy).
 */
class LanguageTrainingCommandsTest {

    @TempDir
    static Path tmp;
    private static Path epic;
    private static Path egtea;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @BeforeAll
    static void benchmarks() {
        epic = tmp.resolve("epic");
        egtea = tmp.resolve("egtea");
        assertEquals(0, EgoStreamCli.run("benchmark", "generate", "--out", epic.toString(), "--videos", "6",
                "--feature-dim", "32", "--prototypes", "text"));
        assertEquals(0, EgoStreamCli.run("benchmark", "generate", "--out", egtea.toString(), "--videos", "3",
                "--feature-dim", "32", "--prototypes", "text", "--source", "egtea-gaze-plus"));
    }

    @Test
    void openVocabPrintsTheComparisonAndWritesTheXmicHead() throws Exception {
        final Path model = tmp.resolve("open-vocab");
        assertEquals(0, run("train", "open-vocab", "--data", epic.toString(), "--cross-data", egtea.toString(),
                "--target", "noun", "--epochs", "1", "--warmup-epochs", "0", "--out", model.toString()),
                err.toString());
        final JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals("noun", report.get("target").asText());
        assertEquals(3, report.get("sets").size());
        assertEquals("egtea", report.get("sets").get(2).get("name").asText());
        assertTrue(report.get("sets").get(0).get("heads").has("closed-set"));
        assertTrue(Files.isRegularFile(model.resolve(OpenVocabularyModelDirectory.MANIFEST)));
    }

    @Test
    void textTeacherWritesLogitsTheDistillationOptionReads() throws Exception {
        final Path logits = tmp.resolve("teacher.json");
        assertEquals(0, run("train", "teacher", "--kind", "text", "--data", epic.toString(), "--extra-data",
                egtea.toString(), "--teacher-epochs", "1", "--top-k", "5", "--out", logits.toString()), err.toString());
        assertTrue(out.toString().contains("\"text teacher\""), out.toString());
        final JsonNode taxonomy = new ObjectMapper().readTree(new Ego4dDataDir(epic).taxonomy().toFile());
        final TeacherLogits read = TeacherLogits.read(logits, taxonomy.get("verbs").size(),
                taxonomy.get("nouns").size());
        assertTrue(read.verbs().size() > 0);
        final float[] row = read.nouns().values().iterator().next();
        int finite = 0;
        for (final float v : row) {
            finite += Float.isFinite(v) ? 1 : 0;
        }
        assertEquals(5, finite, "the top-5 classes of each row");
    }

    @Test
    void unknownTeacherKindIsAUsageError() {
        assertEquals(2, run("train", "teacher", "--kind", "oracle", "--data", epic.toString(), "--out",
                tmp.resolve("x.json").toString()));
        assertTrue(err.toString().contains("--kind must be markov or text"), err.toString());
    }
}
