package io.egostream.cli.videotext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.EgoStreamCli;
import io.egostream.model.videotext.VideoTextModel;
import io.egostream.model.videotext.VideoTextModelDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code egostream train video-text} end to end on a small generated benchmark. */
class TrainVideoTextCommandTest {

    @TempDir static Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @BeforeAll
    static void benchmark() {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute("benchmark", "generate", "--out", tmp.resolve("bench").toString(), "--videos", "8",
                "--feature-dim", "16", "--seed", "3"));
    }

    @Test
    void shouldTrainWriteTheModelAndReportRetrieval() throws Exception {
        final Path model = tmp.resolve("model");
        assertEquals(0, run("train", "video-text", "--data", tmp.resolve("bench").toString(), "--out", model.toString(),
                "--epochs", "2", "--hidden", "16", "--segment-batch", "32", "--window-batch", "2", "--seed", "5"),
                err.toString());
        assertTrue(out.toString().contains("text -> segment"), out.toString());
        assertTrue(out.toString().contains("text -> window (parent)"), out.toString());
        final VideoTextModel loaded = VideoTextModelDirectory.load(model);
        assertEquals(16, loaded.config().inputDim());
        assertEquals(16, loaded.config().hiddenDim());
        assertEquals(384, loaded.config().textDim());
        final JsonNode report = new ObjectMapper().readTree(model.resolve("retrieval.json").toFile());
        assertEquals("test", report.get("split").asText());
        final JsonNode seg = report.get("text_to_segment");
        assertTrue(seg.get("queries").asInt() > 0 && seg.get("gallery").asInt() >= seg.get("queries").asInt());
        assertTrue(seg.get("r_at_10").asDouble() >= seg.get("r_at_5").asDouble());
        assertTrue(seg.get("chance").get("r_at_10").asDouble() > seg.get("chance").get("r_at_1").asDouble(), seg.toString());
        assertEquals(2, new ObjectMapper().readTree(model.resolve("history.json").toFile()).size());
    }

    @Test
    void badLevelsIsAUsageError() {
        assertEquals(2, run("train", "video-text", "--data", tmp.resolve("bench").toString(), "--out",
                tmp.resolve("x").toString(), "--levels", "parent"));
        assertTrue(err.toString().contains("--levels must be both or child, got 'parent'"), err.toString());
    }

    @Test
    void dataWithoutManifestIsAUsageErrorNamingTheFile() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, run("train", "video-text", "--data", tmp.resolve("empty").toString(), "--out",
                tmp.resolve("y").toString()));
        assertTrue(err.toString().contains("benchmark.json is missing"), err.toString());
    }

    @Test
    void nonEmptyOutIsAUsageError() {
        assertEquals(2, run("train", "video-text", "--data", tmp.resolve("bench").toString(), "--out",
                tmp.resolve("bench").toString()));
        assertTrue(err.toString().contains("must be a missing or empty directory"), err.toString());
    }
}
