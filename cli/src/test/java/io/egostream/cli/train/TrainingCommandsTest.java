package io.egostream.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.EgoStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainingCommandsTest {

    @TempDir Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void benchmarkThenTrainThenEvalShouldRunEndToEnd() throws Exception {
        final String bench = tmp.resolve("bench").toString();
        assertEquals(0, run("benchmark", "generate", "--out", bench, "--videos", "4", "--feature-dim", "8"),
                err.toString());
        assertTrue(out.toString().contains("train videos"), out.toString());
        final String runDir = tmp.resolve("run").toString();
        assertEquals(0, run("train", "multi", "--task", "ar,oscc,pnr,lta,mq", "--data", bench, "--out", runDir,
                "--epochs", "1", "--steps-per-epoch", "1"), err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("run/model/model.json")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "model", "--model", tmp.resolve("run/model").toString(), "--data", bench,
                "--split", "train"), err.toString());
        final JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("egostream-multi-ar-oscc-pnr-lta-mq", json.get("model").asText());
        assertTrue(json.get("tasks").has("ar") && json.get("tasks").has("mq"), out.toString());
        assertTrue(json.get("tasks").get("ar").get("chance").has("verb_top1"));
        assertTrue(Files.isRegularFile(tmp.resolve("run/report-train/report.md")));
        assertTrue(Files.isRegularFile(tmp.resolve("run/report-train/loss_curves.png")));
    }

    @Test
    void anUnknownTaskShouldBeAUsageErrorNamingIt() {
        assertEquals(2, run("train", "single", "--task", "xyz", "--data", tmp.toString(), "--out",
                tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("unknown task 'xyz'"), err.toString());
    }

    @Test
    void aMissingDataDirectoryShouldFailWithAClearMessage() {
        final int code = run("train", "single", "--task", "ar", "--data", tmp.resolve("none").toString(), "--out",
                tmp.resolve("r").toString(), "--epochs", "1");
        assertEquals(1, code);
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
