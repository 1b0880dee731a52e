package io.egostream.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.cli.EgoStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code egostream demo} for real (embedded broker, cameras, analyzer on DJL), with the small model preset so it
 * stays fast: it must print events within its 25 s and stop cleanly with exit code 0.
 */
@Timeout(150)
class DemoCommandIT {

    @Test
    void demoShowsEventsAndStopsCleanly(@TempDir final Path dir) throws Exception {
        final Path config = dir.resolve("demo.yaml");
        Files.writeString(config, String.join("\n",
                "model:", "  preset: small", "  feature-dim: 32", "  device: cpu",
                "ingest:", "  feature-dim: 32", "  cameras: 2", "  speed-factor: 8",
                "http:", "  port: 0",
                "topics:", "  partitions: 2",
                // untrained weights score moments near the focal-loss prior (0.01): emit them all
                "nms:", "  emit-min-score: 0",
                // the shipped video-text model reads 256-d frames; search has its own tests
                "search:", "  enabled: false", ""));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new EgoStreamCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("demo", "--config", config.toString(), "--duration", "25");
        final String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("Kafka broker: localhost:"), text);
        assertTrue(text.contains("metrics: http://127.0.0.1:"), text);
        assertTrue(text.contains("[   1 s]") || text.contains("[   2 s]"), "one status line per second:\n" + text);
        final Matcher totals = Pattern.compile("Analyzer: (\\d+) frames in, (\\d+) events out, (\\d+) dead letters")
                .matcher(text);
        assertTrue(totals.find(), text);
        assertTrue(Long.parseLong(totals.group(1)) > 100, "frames analysed: " + totals.group(1));
        assertTrue(Long.parseLong(totals.group(2)) > 0, "events: " + totals.group(2));
        assertEquals(0, Long.parseLong(totals.group(3)));
        assertTrue(text.contains("0 failed"), text);
    }
}
