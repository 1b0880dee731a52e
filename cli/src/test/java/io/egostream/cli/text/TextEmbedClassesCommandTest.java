package io.egostream.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.cli.EgoStreamCli;
import io.egostream.model.synth.ClassNameEmbeddings;
import io.egostream.model.synth.ClassNameText;
import io.egostream.model.synth.ClassVocabulary;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.training.bench.EgteaGazePlus;
import io.egostream.text.TextEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code egostream text embed-classes} and the shipped table it regenerates, on the real encoder. */
class TextEmbedClassesCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shippedTableHoldsWhatTheEncoderComputes() {
        final ClassNameEmbeddings shipped = ClassNameEmbeddings.shipped();
        final float[][] fresh;
        try (TextEncoder encoder = TextEncoder.openDefault()) {
            fresh = encoder.embed(shipped.texts());
        }
        double worst = 0;
        for (int i = 0; i < fresh.length; i++) {
            final float[] stored = shipped.vector(shipped.texts().get(i));
            for (int k = 0; k < stored.length; k++) {
                worst = Math.max(worst, Math.abs(stored[k] - fresh[i][k]));
            }
        }
        assertTrue(worst < 1e-4, "largest difference to the encoder: " + worst);
    }

    @Test
    void shouldWriteEpicAndNamesFileClasses(@TempDir final Path dir) throws Exception {
        final Path names = dir.resolve("names.txt");
        Files.writeString(names, "# EGTEA-style keys\nTurn on\n\npour_water\n");
        final Path table = dir.resolve("table");
        assertEquals(0, run("text", "embed-classes", "--out", table.toString(), "--names", names.toString()),
                err.toString());
        final ClassNameEmbeddings written = ClassNameEmbeddings.read(table);
        final ClassVocabulary epic = EpicKitchensCsv.shippedVocabulary();
        final ClassVocabulary egtea = EgteaGazePlus.shipped().vocabulary();
        final long shippedTexts = Stream.of(epic.verbs(), epic.nouns(), egtea.verbs(), egtea.nouns())
                .flatMap(List::stream).map(ClassNameText::of).distinct().count();
        assertEquals(shippedTexts + 1, written.size(), "EPIC and EGTEA texts, plus 'pour water' ('turn on' is"
                + " a verb of both)");
        assertEquals(ClassNameEmbeddings.shipped().texts(), written.texts().subList(0, (int) shippedTexts),
                "the shipped table is exactly what the command writes without --names");
        assertEquals("pour water", written.texts().get(written.size() - 1));
        assertTrue(written.contains("chopping board"));
        assertTrue(out.toString().contains("wrote " + written.size() + " class-name embeddings"), out.toString());
    }

    @Test
    void missingNamesFileFailsWithItsName(@TempDir final Path dir) {
        final Path missing = dir.resolve("nope.txt");
        assertEquals(1, run("text", "embed-classes", "--out", dir.toString(), "--names", missing.toString()));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
    }

    @Test
    void outIsRequired() {
        assertEquals(2, run("text", "embed-classes"));
        assertTrue(err.toString().contains("--out"), err.toString());
    }
}
