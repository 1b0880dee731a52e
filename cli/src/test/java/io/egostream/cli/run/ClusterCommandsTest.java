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

class ClusterCommandsTest {

    private record Result(int code, String out, String err) {}

    private static Result run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new EgoStreamCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsSimulateAndClusterOnOneLineEach() {
        final Result r = run("--help");
        for (final String command : new String[] {"simulate", "cluster"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), r.out());
        }
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("            ")), r.out());
    }

    @Test
    void simulateNeedsBrokers(@TempDir final Path dir) throws Exception {
        final Path config = dir.resolve("c.yaml");
        Files.writeString(config, "kafka:\n  bootstrap-servers: \"\"\n");
        final Result r = run("simulate", "--config", config.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("kafka.bootstrap-servers is empty"), r.err());
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        final String[][] cases = {
            {"simulate", "--frames", "-1", "--frames must be >= 0, got -1"},
            {"simulate", "--cameras", "0", "--cameras must be in [1, 10000], got 0"},
            {"cluster", "--analyzers", "9", "--analyzers must be in [1, 8], got 9"},
            {"cluster", "--speed", "0", "--speed must be in (0, 10000], got 0.0"},
            {"cluster", "--analyzer-heap", "100", "--analyzer-heap must be >= 256 MB, got 100"},
        };
        for (final String[] c : cases) {
            final Result r = run(c[0], c[1], c[2]);
            assertEquals(2, r.code(), String.join(" ", c));
            assertTrue(r.err().contains(c[3]), r.err());
        }
    }
}
