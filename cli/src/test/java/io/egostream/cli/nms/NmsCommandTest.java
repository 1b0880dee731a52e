package io.egostream.cli.nms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path raw(final String json) throws IOException {
        final Path p = dir.resolve("raw.json");
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    private JsonNode nms(final Path in, final String... options) throws IOException {
        final Path out = dir.resolve("out.json");
        final String[] args = new String[5 + options.length];
        args[0] = "nms";
        args[1] = "--in";
        args[2] = in.toString();
        args[3] = "--out";
        args[4] = out.toString();
        System.arraycopy(options, 0, args, 5, options.length);
        final CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("nms: "), run.out());
        return JSON.readTree(out.toFile()).get("results");
    }

    @Test
    void hardNmsPerClassKeepsTheBestAndWritesScoreOrderWithTheLabelsAsGiven() throws IOException {
        final Path in = raw("{'results': {'v1': ["
                + "{'label': 2, 'score': 0.8, 'segment': [5, 15]},"
                + "{'label': 2, 'score': 0.9, 'segment': [0, 10]},"
                + "{'label': 10, 'score': 0.85, 'segment': [0, 10]}], 'v2': []}}");
        final JsonNode r = nms(in, "--method", "hard", "--iou", "0.3", "--min-score", "0.001");
        assertEquals("[{\"label\":2,\"score\":0.9,\"segment\":[0.0,10.0]},"
                + "{\"label\":10,\"score\":0.85,\"segment\":[0.0,10.0]}]", r.get("v1").toString());
        assertEquals("[]", r.get("v2").toString());
    }

    @Test
    void presetSoftNmsDecaysScoresInFloat32() throws IOException {
        final Path in = raw("{'results': {'v': [{'label': 'cut', 'score': 0.9, 'segment': [0, 10]},"
                + "{'label': 'cut', 'score': 0.8, 'segment': [5, 15]}]}}");
        final JsonNode r = nms(in, "--preset", "thumos");
        final float area = 10f + (float) 1e-6;
        final float ovr = 5f / (area + area - 5f);
        final float decayed = 0.8f * (float) Math.exp(-(ovr * ovr) / 0.5f);
        assertEquals("cut", r.get("v").get(1).get("label").asText());
        assertEquals(decayed, (float) r.get("v").get(1).get("score").asDouble());
        // an explicit --sigma overrides the preset's
        final JsonNode wide = nms(in, "--preset", "thumos", "--sigma", "2.0");
        assertEquals(0.8f * (float) Math.exp(-(ovr * ovr) / 2f), (float) wide.get("v").get(1).get("score").asDouble());
    }

    @Test
    void classAgnosticVotingMovesTheKeptSegment() throws IOException {
        final Path in = raw("{'results': {'v': [{'label': 'a', 'score': 0.9, 'segment': [0, 10]},"
                + "{'label': 'b', 'score': 0.6, 'segment': [1, 11]}]}}");
        final JsonNode r = nms(in, "--method", "soft-gaussian", "--sigma", "0.75", "--class-agnostic", "--voting", "0.5");
        final double w = 0.6 * 9.0 / 11.0;
        assertEquals(w / (0.9 + w), r.get("v").get(0).get("segment").get(0).asDouble(), 1e-6);
        final JsonNode anet = nms(in, "--preset", "anet");
        // anet votes at 0.9: iou 9/11 is below, the segment stays
        assertEquals(0.0, anet.get("v").get(0).get("segment").get(0).asDouble());
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        final Path in = raw("{'results': {}}");
        final String out = dir.resolve("o.json").toString();
        assertEquals(2, CliRun.of("nms", "--in", in.toString(), "--out", out).exitCode());
        assertEquals(2, CliRun.of("nms", "--in", in.toString(), "--out", out, "--method", "soft").exitCode());
        assertEquals(2, CliRun.of("nms", "--in", in.toString(), "--out", out, "--method", "hard", "--voting", "0.5")
                .exitCode());
        assertEquals(2, CliRun.of("nms", "--in", in.toString(), "--out", out, "--preset", "thumos", "--sigma", "0")
                .exitCode());
    }

    @Test
    void malformedInputExitsWithOneNamingThePointer() throws IOException {
        final Path in = raw("{'results': {'v': [{'label': 'a', 'score': 0.9, 'segment': 'x'}]}}");
        final CliRun run = CliRun.of("nms", "--in", in.toString(), "--out", dir.resolve("o.json").toString(),
                "--preset", "epic");
        assertEquals(1, run.exitCode());
        assertEquals("egostream nms: " + in + ": at /results/v/0/segment: expected the segment in seconds "
                + "([start, end]) (an array), found the string \"x\"\n", run.err());
    }
}
