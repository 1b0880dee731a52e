package io.egostream.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.EgoStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelCheckStreamingCommandTest {

    private StringWriter out;
    private StringWriter err;

    private int run(final String... args) {
        out = new StringWriter();
        err = new StringWriter();
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void smallPresetPassesWithStreamsShorterAndLongerThanTheBackboneLookAhead() throws Exception {
        // small preset: depth 3, top-level look-ahead 6*7+3 = 45 frames; cameras send 60 and 45 frames
        assertEquals(0, run("model", "check-streaming", "--preset", "small", "--frames", "60", "--cameras", "2",
                "--mq-context-seconds", "8"), err.toString());
        final JsonNode j = new ObjectMapper().readTree(out.toString());
        assertTrue(j.get("max_abs_diff").asDouble() <= 1e-4);
        assertEquals(60, j.get("frames").asInt());
        assertEquals(2, j.get("cameras").asInt());
        assertTrue(j.get("passed").asBoolean());
        assertTrue(j.get("nodes").asInt() > 60, "every level's nodes are compared");
        assertTrue(j.get("moments").asInt() > 60);
        assertTrue(j.get("problems").isEmpty());
    }

    @Test
    void reducedDepthRuns() throws Exception {
        assertEquals(0, run("model", "check-streaming", "--frames", "9", "--cameras", "1", "--depth", "1"),
                err.toString());
        assertEquals(1, new ObjectMapper().readTree(out.toString()).get("depth").asInt());
    }

    @Test
    void onnxRuntimeEngineRuns() throws Exception {
        assertEquals(0, run("model", "check-streaming", "--frames", "20", "--cameras", "1", "--engine", "onnxruntime"),
                err.toString());
        assertEquals("onnxruntime", new ObjectMapper().readTree(out.toString()).get("engine").asText());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("model", "check-streaming", "--frames", "0"));
        assertTrue(err.toString().contains("--frames"), err.toString());
        assertEquals(2, run("model", "check-streaming", "--preset", "huge"));
        assertTrue(err.toString().contains("huge"), err.toString());
        assertEquals(2, run("model", "check-streaming", "--depth", "9"));
        assertEquals(2, run("model", "check-streaming", "--engine", "tensorflow"));
    }
}
