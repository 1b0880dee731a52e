package io.egostream.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.EgoStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code egostream text similarity} on the real encoder. */
class TextSimilarityCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldPrintTextsAndCosineMatrixAsJson() throws Exception {
        assertEquals(0, run("text", "similarity", "cut onion", "slice tomato", "open door"), err.toString());
        final JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("cut onion", json.get("texts").get(0).asText());
        assertEquals(3, json.get("texts").size());
        final JsonNode cosine = json.get("cosine");
        assertEquals(3, cosine.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(3, cosine.get(i).size());
            assertEquals(1.0, cosine.get(i).get(i).asDouble(), 1e-4);
            for (int j = 0; j < 3; j++) {
                assertEquals(cosine.get(i).get(j).asDouble(), cosine.get(j).get(i).asDouble(), 0.0);
            }
        }
        assertTrue(cosine.get(0).get(1).asDouble() > cosine.get(0).get(2).asDouble(), out.toString());
    }

    @Test
    void shouldRoundToTheRequestedDecimals() throws Exception {
        assertEquals(0, run("text", "similarity", "--decimals", "2", "cut onion", "open door"), err.toString());
        final double c = new ObjectMapper().readTree(out.toString()).get("cosine").get(0).get(1).asDouble();
        assertEquals(Math.round(c * 100) / 100.0, c, 0.0);
    }

    @Test
    void noTextsIsAUsageError() {
        assertEquals(2, run("text", "similarity"));
        assertTrue(err.toString().contains("Missing required parameter: 'TEXT'"), err.toString());
    }

    @Test
    void decimalsOutOfRangeIsAUsageError() {
        assertEquals(2, run("text", "similarity", "--decimals", "0", "cut onion"));
        assertTrue(err.toString().contains("--decimals must be in [1, 17], got 0"), err.toString());
    }
}
