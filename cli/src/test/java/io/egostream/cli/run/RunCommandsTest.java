package io.egostream.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.cli.EgoStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandsTest {

    private record Result(int code, String out, String err) {}

    private static Result run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new EgoStreamCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryRunCommandOnOneLine() {
        final Result r = run("--help");
        assertEquals(0, r.code());
        for (final String command : new String[] {"demo", "broker", "run"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), r.out());
        }
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("            ")), "no wrapped description lines:\n"
                + r.out());
    }

    @Test
    void runWithoutBrokersIsAUsageError(@TempDir final Path dir) throws Exception {
        final Path config = dir.resolve("c.yaml");
        Files.writeString(config, "kafka:\n  bootstrap-servers: \"\"\n");
        final Result r = run("run", "--config", config.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("kafka.bootstrap-servers is empty"), r.err());
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        final Result speed = run("demo", "--speed", "0");
        assertEquals(2, speed.code());
        assertTrue(speed.err().contains("--speed must be in (0, 10000], got 0.0"), speed.err());
        final Result cameras = run("demo", "--cameras", "0");
        assertEquals(2, cameras.code());
        assertTrue(cameras.err().contains("--cameras"), cameras.err());
        final Result port = run("broker", "--port", "70000");
        assertEquals(2, port.code());
        assertTrue(port.err().contains("--port must be in [1, 65535], got 70000"), port.err());
    }

    @Test
    void badConfigurationStopsTheDemoWithTheKey(@TempDir final Path dir) throws Exception {
        final Path config = dir.resolve("c.yaml");
        Files.writeString(config, "ingest:\n  feature-dim: 64\n");
        final Result r = run("demo", "--config", config.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ingest.feature-dim") && r.err().contains("model.feature-dim"), r.err());
    }

    @Test
    void summaryLineNamesEveryTopicAndTheDeadLetters() {
        final io.egostream.config.EgoStreamConfig cfg = io.egostream.config.EgoStreamConfig.defaults();
        final LiveSummary summary = new LiveSummary(io.egostream.stream.metrics.AnalyzerMetrics.withNewRegistry(
                "egostream"), io.egostream.stream.topology.Topics.from(cfg));
        assertEquals("[  12 s] frames in 0 | events: actions 0, state-changes 0, pnr 0, anticipations 0, moments 0"
                + " | dlq 0 | sent 5, 1 failed", summary.line(12, 5, 1));
    }
}
