package io.egostream.cli.text;

import io.egostream.model.synth.ClassNameEmbeddings;
import io.egostream.model.synth.ClassNameText;
import io.egostream.model.synth.ClassVocabulary;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.text.TextEncoder;
import io.egostream.text.TextEncoderException;
import io.egostream.training.bench.EgteaGazePlus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream text embed-classes --out DIR [--names FILE]...}: embeds the class names of the shipped
 * vocabularies (EPIC-KITCHENS-100 and EGTEA Gaze+ verbs and nouns) and of the given name files, and writes the table
 * {@link ClassNameEmbeddings} reads ({@code texts.txt}, {@code embeddings.npy.gz}). Writing into
 * {@code model/src/main/resources/io/egostream/data/class-name-embeddings} regenerates the shipped table.
 */
@Command(
        name = "embed-classes",
        mixinStandardHelpOptions = true,
        description = {"Embed class names (EPIC-KITCHENS-100, EGTEA Gaze+ and --names files) for the text-grounded feature"
                + " generator; writes texts.txt and embeddings.npy.gz into --out."})
public final class TextEmbedClassesCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the table to.")
    private Path out;

    @Option(names = "--names", paramLabel = "FILE",
            description = "A file of class names, one per line as the annotations spell them (e.g. 'Turn on',"
                    + " 'board:chopping'); '#' lines and blank lines are skipped. Repeatable.")
    private List<Path> nameFiles = new ArrayList<>();

    @Override
    public Integer call() {
        final List<String> texts;
        try {
            texts = texts();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("egostream text embed-classes: " + e.getMessage());
            return 1;
        }
        final float[][] vectors;
        try (TextEncoder encoder = TextEncoder.openDefault()) {
            vectors = encoder.embed(texts);
        } catch (TextEncoderException e) {
            spec.commandLine().getErr().println("egostream text embed-classes: " + e.getMessage());
            return 1;
        }
        try {
            ClassNameEmbeddings.of(texts, vectors).write(out);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("egostream text embed-classes: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + texts.size() + " class-name embeddings ("
                + TextEncoder.DIMENSION + "-d) to " + out);
        return 0;
    }

    /** The distinct texts: shipped vocabularies first, then the name files, in file order. */
    private List<String> texts() {
        final Set<String> texts = new LinkedHashSet<>();
        final ClassVocabulary epic = EpicKitchensCsv.shippedVocabulary();
        epic.verbs().forEach(k -> texts.add(ClassNameText.of(k)));
        epic.nouns().forEach(k -> texts.add(ClassNameText.of(k)));
        final ClassVocabulary egtea = EgteaGazePlus.shipped().vocabulary();
        egtea.verbs().forEach(k -> texts.add(ClassNameText.of(k)));
        egtea.nouns().forEach(k -> texts.add(ClassNameText.of(k)));
        for (final Path file : nameFiles) {
            final List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read names file " + file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    texts.add(ClassNameText.of(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(texts);
    }
}
