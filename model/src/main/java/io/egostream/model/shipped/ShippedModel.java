package io.egostream.model.shipped;

import ai.djl.ndarray.NDManager;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The default model EgoStream ships: a model directory ({@link ModelDirectory}) kept as classpath resources
 * under {@value #RESOURCE_DIR}, with {@value #FILE_LIST} naming its files. It is a multi-task Hier-EgoPack
 * (all five heads) trained on the EgoStream benchmark, whose 256-d features come from the same generator
 * and default seed as the simulated cameras; README section "Default model" says how it was made and what
 * it scores. Loading copies the files to a temporary directory, loads them and deletes the copy.
 */
public final class ShippedModel {

    /** Classpath folder of the shipped model directory. */
    public static final String RESOURCE_DIR = "/io/egostream/model/shipped/default/";
    /** The file in {@link #RESOURCE_DIR} listing the model directory's files, one relative path a line. */
    public static final String FILE_LIST = "files.txt";

    private ShippedModel() {
    }

    /** @return whether this build ships a model */
    public static boolean available() {
        return ShippedModel.class.getResource(RESOURCE_DIR + FILE_LIST) != null;
    }

    /**
     * @return the relative paths of the model directory's files
     * @throws IllegalStateException if no model is shipped
     */
    public static List<String> files() {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE_DIR + FILE_LIST)) {
            if (in == null) {
                throw new IllegalStateException("this build ships no model (" + RESOURCE_DIR + FILE_LIST + " is missing)");
            }
            final List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.add(line.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + FILE_LIST, e);
        }
    }

    /**
     * Copies the shipped model directory.
     *
     * @param dir the target directory (created; existing files of the same names are replaced)
     * @return {@code dir}
     * @throws IOException if a file cannot be copied
     */
    public static Path extract(final Path dir) throws IOException {
        for (final String name : files()) {
            if (name.contains("..") || name.startsWith("/")) {
                throw new IOException("shipped model file list names an unsafe path: " + name);
            }
            final Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IOException("shipped model file " + RESOURCE_DIR + name + " is missing");
                }
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /**
     * Loads the shipped model.
     *
     * @param manager the manager its parameters live under
     * @return the model
     * @throws ModelFormatException if the shipped files do not form a valid model directory
     * @throws IOException if they cannot be copied out of the classpath
     */
    public static HierEgoPackModel load(final NDManager manager) throws ModelFormatException, IOException {
        final Path tmp = Files.createTempDirectory("egostream-model-");
        try {
            return ModelDirectory.load(extract(tmp), manager);
        } finally {
            try (var s = Files.walk(tmp)) {
                for (final Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
