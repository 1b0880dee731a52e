package io.egostream.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.cli.EgoStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option checks of {@code bench pipeline} that stop before any broker starts. */
class BenchPipelineCommandTest {

    private static int run(final StringWriter err, final String... args) {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void aBatchSettingOutOfRangeIsAUsageErrorNamingTheKeyAndRange() {
        final StringWriter err = new StringWriter();
        assertEquals(2, run(err, "bench", "pipeline", "--batch-size", "0"));
        assertTrue(err.toString().contains("model.batch-size") && err.toString().contains("[1, 4096]"), err.toString());
        final StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "bench", "pipeline", "--batch-time-ms", "-5"));
        assertTrue(err2.toString().contains("model.batch-time-ms"), err2.toString());
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        final StringWriter err = new StringWriter();
        assertEquals(2, run(err, "bench", "pipeline", "--preset", "huge"));
        assertTrue(err.toString().contains("model.preset"), err.toString());
    }
}
