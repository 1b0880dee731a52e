package io.egostream.training.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.Vocabularies;
import io.egostream.training.optim.AdamState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a run after an epoch, in {@code RUN/checkpoints/epoch-NNN/}: {@code model/} (a model
 * directory of the current weights), {@code optimizer.npz} (Adam's moments, {@code m/<i>} and
 * {@code v/<i>} for the i-th trained parameter) and {@code state.json} (epochs done, steps, parameter
 * names, MQ loss normaliser, loss history).
 *
 * @param epochsDone epochs completed
 * @param adam the optimiser state
 * @param normalizer the MQ loss normaliser's value (100 when MQ is not trained)
 * @param history the finished epochs
 */
public record Checkpoint(int epochsDone, AdamState adam, double normalizer, List<EpochRecord> history) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the history. */
    public Checkpoint {
        history = List.copyOf(history);
    }

    /**
     * @param runDir the run directory
     * @param epoch an epoch, 1-based
     * @return its checkpoint directory
     */
    public static Path dirOf(final Path runDir, final int epoch) {
        return runDir.resolve("checkpoints").resolve(String.format(java.util.Locale.ROOT, "epoch-%03d", epoch));
    }

    /**
     * Writes the checkpoint (replacing one of the same epoch) and removes checkpoints older than the
     * previous epoch.
     *
     * @param runDir the run directory
     * @param modelId the model id
     * @param vocabularies class names
     * @param weights the current weights
     * @throws IOException if writing fails
     */
    public void save(final Path runDir, final String modelId, final Vocabularies vocabularies,
            final HierEgoPackWeights weights) throws IOException {
        final Path dir = dirOf(runDir, epochsDone);
        final Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        try {
            ModelDirectory.save(tmp.resolve("model"), new HierEgoPackModel(modelId, vocabularies, weights));
        } catch (ModelFormatException e) {
            throw new IOException("cannot write the checkpoint model: " + e.getMessage(), e);
        }
        final Map<String, NpyArray> arrays = new LinkedHashMap<>();
        final List<String> names = new ArrayList<>(adam.firstMoments().keySet());
        java.util.Collections.sort(names);
        for (int i = 0; i < names.size(); i++) {
            final float[] m = adam.firstMoments().get(names.get(i));
            final float[] v = adam.secondMoments().get(names.get(i));
            arrays.put("m/" + i, NpyArray.ofFloats(new long[] {m.length}, m));
            arrays.put("v/" + i, NpyArray.ofFloats(new long[] {v.length}, v));
        }
        NpzFile.write(tmp.resolve("optimizer.npz"), arrays);
        final Map<String, Object> state = new LinkedHashMap<>();
        state.put("epochs_done", epochsDone);
        state.put("steps", adam.steps());
        state.put("mq_loss_normalizer", normalizer);
        state.put("parameters", names);
        state.put("history", history);
        JSON.writeValue(tmp.resolve("state.json").toFile(), state);
        deleteTree(dir);
        Files.move(tmp, dir);
        for (int e = epochsDone - 2; e >= 1; e--) {
            deleteTree(dirOf(runDir, e));
        }
    }

    /**
     * @param runDir the run directory
     * @return the newest complete checkpoint's directory, or null if there is none
     * @throws IOException if the directory cannot be listed
     */
    public static Path latest(final Path runDir) throws IOException {
        final Path root = runDir.resolve("checkpoints");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (var s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{3}"))
                    .filter(p -> Files.isRegularFile(p.resolve("state.json")))
                    .max(Path::compareTo).orElse(null);
        }
    }

    /**
     * @param dir a checkpoint directory
     * @return its state (the weights are in {@code dir/model})
     * @throws IOException if a file is missing or malformed
     */
    public static Checkpoint read(final Path dir) throws IOException {
        final var state = JSON.readTree(dir.resolve("state.json").toFile());
        final Map<String, NpyArray> arrays = NpzFile.read(dir.resolve("optimizer.npz"));
        final Map<String, float[]> m = new LinkedHashMap<>();
        final Map<String, float[]> v = new LinkedHashMap<>();
        final var names = state.get("parameters");
        for (int i = 0; i < names.size(); i++) {
            final NpyArray mi = arrays.get("m/" + i);
            final NpyArray vi = arrays.get("v/" + i);
            if (mi == null || vi == null) {
                throw new IOException(dir.resolve("optimizer.npz") + " lacks the moments of parameter " + i + " ("
                        + names.get(i).asText() + ")");
            }
            m.put(names.get(i).asText(), mi.toFloats());
            v.put(names.get(i).asText(), vi.toFloats());
        }
        final EpochRecord[] history = JSON.treeToValue(state.get("history"), EpochRecord[].class);
        return new Checkpoint(state.get("epochs_done").asInt(), new AdamState(state.get("steps").asLong(), m, v),
                state.get("mq_loss_normalizer").asDouble(), List.of(history));
    }

    static void deleteTree(final Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (final Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
