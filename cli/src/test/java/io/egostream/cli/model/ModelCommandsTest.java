package io.egostream.cli.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.EgoStreamCli;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelCommandsTest {

    private static final List<String> MODULES = List.of("backbone", "head_ar", "head_oscc", "head_pnr", "head_lta",
            "head_mq", "egopack");

    @TempDir Path dir;
    private Path reference;
    private StringWriter out;
    private StringWriter err;

    /** The shared small reference set, extracted from the model test fixtures. */
    @BeforeEach
    void extractReference() throws IOException {
        reference = dir.resolve("ref");
        Files.createDirectories(reference.resolve("weights"));
        for (final String m : MODULES) {
            extract("weights/" + m + ".npz");
        }
        extract("inputs.npz");
        extract("outputs.npz");
    }

    private void extract(final String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/hier-egopack-small/" + name)) {
            Files.copy(in, reference.resolve(name));
        }
    }

    private int run(final String... args) {
        out = new StringWriter();
        err = new StringWriter();
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void infoPrintsTheReferenceCountsPerComponent() throws IOException {
        assertEquals(0, run("model", "info"));
        final JsonNode j = json();
        assertEquals(22_274_816L, j.get("backbone").asLong());
        assertEquals(1_379_072L, j.get("one_tdgc").asLong());
        assertEquals(2_803_793L, j.get("heads").get("ar").asLong());
        assertEquals(1_842_178L, j.get("heads").get("oscc").asLong());
        assertEquals(1_183_489L, j.get("heads").get("pnr").asLong());
        assertEquals(5_561_937L, j.get("heads").get("lta").asLong());
        assertEquals(2_883_704L, j.get("heads").get("mq").asLong());
        assertEquals(722_176L, j.get("egopack").get("stage_per_task").asLong());
        assertEquals(j.get("total").asLong(), 22_274_816L + 2_803_793L + 1_842_178L + 1_183_489L + 5_561_937L
                + 2_883_704L + 5 * 722_176L + 5 * 1024 * 768L);
    }

    @Test
    void unknownPresetIsAUsageError() {
        assertEquals(2, run("model", "info", "--preset", "huge"));
        assertTrue(err.toString().startsWith("--preset: unknown preset 'huge' (known: [reference, small])"), err.toString());
    }

    @Test
    void importedReferenceModelStreamsExactlyLikeItsOfflineForward() throws IOException {
        final Path model = dir.resolve("imported-small");
        assertEquals(0, run("model", "import", "--reference", reference.resolve("weights").toString(), "--out",
                model.toString(), "--preset", "small"), err.toString());
        // 60 frames: longer than the small model's 45-frame look-ahead; 2 cameras batched together
        assertEquals(0, run("model", "check-streaming", "--model", model.toString(), "--frames", "60", "--cameras",
                "2", "--mq-context-seconds", "8"), err.toString());
        final JsonNode report = json();
        assertTrue(report.get("passed").asBoolean(), report.toString());
        assertTrue(report.get("max_abs_diff").asDouble() <= 1e-4, report.toString());
        assertTrue(report.get("nodes").asInt() > 60, report.toString());
    }

    @Test
    void importForwardExportReproduceTheReference() throws IOException {
        final Path model = dir.resolve("small-model");
        assertEquals(0, run("model", "import", "--reference", reference.resolve("weights").toString(), "--out",
                model.toString(), "--preset", "small"), err.toString());
        assertEquals("small-model", json().get("model_id").asText());

        assertEquals(0, run("model", "info", "--model", model.toString()), err.toString());
        assertEquals(35_184L, json().get("backbone").asLong());

        final Path outputs = dir.resolve("out.npz");
        assertEquals(0, run("model", "forward", "--model", model.toString(), "--input",
                reference.resolve("inputs.npz").toString(), "--out", outputs.toString(), "--tasks", "ar,oscc,lta,mq"),
                err.toString());
        assertEquals("[\"ar\",\"oscc\"]", json().get("skipped_for_missing_segments").get("pnr16").toString());
        final Map<String, NpyArray> expected = NpzFile.read(reference.resolve("outputs.npz"));
        final Map<String, NpyArray> actual = NpzFile.read(outputs);
        int compared = 0;
        for (final String key : List.of("n37pad.backbone.graphs.x", "n37pad.ar.verb_logits", "n5.oscc.logits",
                "lta30.lta.noun_logits", "n37pad.mq.reg_preds", "n5.mq.cls_logits")) {
            final float[] a = actual.get(key).toFloats();
            final float[] b = expected.get(key).toFloats();
            assertEquals(b.length, a.length, key);
            for (int i = 0; i < a.length; i++) {
                assertTrue(Math.abs(a[i] - b[i]) <= 1e-4 + 1e-3 * Math.abs(b[i]), key + "[" + i + "]");
            }
            compared++;
        }
        assertEquals(6, compared);
        assertArrayEquals(expected.get("n37pad.backbone.graphs.depth").toLongs(),
                actual.get("n37pad.backbone.graphs.depth").toLongs());

        final Path egoPack = dir.resolve("ep.npz");
        assertEquals(0, run("model", "forward", "--model", model.toString(), "--input",
                reference.resolve("inputs.npz").toString(), "--out", egoPack.toString(), "--tasks", "pnr",
                "--egopack"), err.toString());
        final float[] a = NpzFile.read(egoPack).get("pnr16.egopack_pnr.logits").toFloats();
        final float[] b = expected.get("pnr16.egopack_pnr.logits").toFloats();
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - b[i]) <= 1e-4 + 1e-3 * Math.abs(b[i]), "egopack_pnr.logits[" + i + "]");
        }

        final Path exported = dir.resolve("exported");
        assertEquals(0, run("model", "export-reference", "--model", model.toString(), "--out", exported.toString()),
                err.toString());
        for (final String m : MODULES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve("weights/" + m + ".npz")),
                    Files.readAllBytes(exported.resolve(m + ".npz")), m);
        }
    }

    @Test
    void importStopsWithoutWritingWhenThePresetDisagrees() {
        final Path model = dir.resolve("m");
        assertEquals(1, run("model", "import", "--reference", reference.resolve("weights").toString(), "--out",
                model.toString(), "--preset", "reference"));
        assertEquals("egostream model import: hidden: backbone.npz:proj.1.weight (48, 32) gives 48 but preset"
                + " 'reference' has 768\n", err.toString());
        assertFalse(Files.exists(model));
    }

    @Test
    void importTakesClassNamesAndChecksTheirCount() throws IOException {
        final Path names = dir.resolve("names.json");
        Files.writeString(names, "{\"mq_classes\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}");
        final Path model = dir.resolve("named");
        assertEquals(0, run("model", "import", "--reference", reference.resolve("weights").toString(), "--out",
                model.toString(), "--vocabularies", names.toString()), err.toString());
        final JsonNode v = new ObjectMapper().readTree(model.resolve("vocabularies.json").toFile());
        assertEquals("e", v.get("mq_classes").get(4).asText());
        assertEquals("verb_006", v.get("verbs").get(6).asText());
        Files.writeString(names, "{\"verbs\": [\"cut\"]}");
        assertEquals(1, run("model", "import", "--reference", reference.resolve("weights").toString(), "--out",
                dir.resolve("bad").toString(), "--vocabularies", names.toString()));
        assertEquals("egostream model import: names.json: vocabulary 'verbs' has 1 names but num_verbs is 7\n",
                err.toString());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void egoPackWithTwoTasksIsAUsageError() throws IOException {
        final Path model = dir.resolve("m");
        assertEquals(0, run("model", "import", "--reference", reference.resolve("weights").toString(), "--out",
                model.toString()));
        assertEquals(2, run("model", "forward", "--model", model.toString(), "--input",
                reference.resolve("inputs.npz").toString(), "--out", dir.resolve("o.npz").toString(), "--tasks", "ar,mq",
                "--egopack"));
        assertTrue(err.toString().startsWith("EgoPack runs one main task, got 2"), err.toString());
    }
}
