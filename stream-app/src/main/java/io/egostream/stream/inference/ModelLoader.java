package io.egostream.stream.inference;

import ai.djl.ndarray.NDManager;
import io.egostream.config.ModelConfig;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.Vocabularies;
import io.egostream.model.shipped.ShippedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Loads the analyzer's model from the {@code model} configuration group. {@code model.dir} names a model directory
 * ({@link ModelDirectory}). When it is empty, {@code model.preset} says what runs: {@code shipped} (the default)
 * loads the trained model shipped with EgoStream ({@link ShippedModel}); an architecture preset
 * ({@code reference}, {@code small}) runs with freshly initialised weights (seed {@value #UNTRAINED_SEED}), for
 * benchmarks and tests: every event still comes from a real forward pass, but its labels carry no meaning, and
 * the model id says so ({@code hier-egopack-<preset>-untrained}).
 */
public final class ModelLoader {

    /** Seed of the untrained weights (the Hier-EgoPack training seed). */
    public static final long UNTRAINED_SEED = 1_234_567_891L;

    private ModelLoader() {}

    /**
     * A loaded model with the reference events carry.
     *
     * @param model the model
     * @param ref its id and version for events
     * @param untrained whether it runs with initial weights
     */
    public record Loaded(HierEgoPackModel model, ModelRef ref, boolean untrained) {}

    /**
     * Loads the model.
     *
     * @param config the {@code model} group
     * @param manager the manager the parameters live under (its engine and device run the model)
     * @return the model
     * @throws ModelLoadException naming {@code model.dir} (or {@code model.preset}) and the problem when the model
     *     cannot be loaded or does not fit {@code model.feature-dim}
     */
    public static Loaded load(final ModelConfig config, final NDManager manager) {
        if (config.shippedModel()) {
            return loadShipped(config, manager);
        }
        if (config.untrainedPreset()) {
            final HierEgoPackConfig architecture = withInputDim(HierEgoPackConfig.preset(config.preset()),
                    config.featureDim());
            final HierEgoPackWeights weights = HierEgoPackWeights.initialise(architecture, manager, UNTRAINED_SEED);
            final String id = "hier-egopack-" + config.preset() + "-untrained";
            return new Loaded(new HierEgoPackModel(id, Vocabularies.placeholders(architecture), weights),
                    new ModelRef(id, "seed-" + UNTRAINED_SEED), true);
        }
        final Path dir = Path.of(config.dir());
        final HierEgoPackModel model;
        try {
            model = ModelDirectory.load(dir, manager);
        } catch (ModelFormatException e) {
            throw new ModelLoadException("cannot load model.dir " + dir + ": " + e.getMessage(), e);
        }
        final java.util.List<io.egostream.model.domain.Task> novel = egoPackNovelTasks(model.config());
        if (!novel.isEmpty()) {
            model.close();
            throw new ModelLoadException("the model in model.dir " + dir + " is an EgoPack model with novel task(s) "
                    + novel + ": the analyzer's incremental evaluator does not run the EgoPack fusion yet, so its "
                    + "outputs would differ from the offline model; serve a single-task or multi-task model directory "
                    + "(egostream train single|multi)", null);
        }
        if (model.config().inputDim() != config.featureDim()) {
            final int inputDim = model.config().inputDim();
            model.close();
            throw new ModelLoadException("the model in model.dir " + dir + " reads " + inputDim
                    + "-d features but model.feature-dim is " + config.featureDim(), null);
        }
        return new Loaded(model, new ModelRef(model.id(), manifestDigest(dir)), false);
    }

    /**
     * The heads an EgoPack module feeds: those that are not among its support tasks (none without EgoPack).
     *
     * @param config a model configuration
     * @return the novel tasks, in head order
     */
    static java.util.List<io.egostream.model.domain.Task> egoPackNovelTasks(final HierEgoPackConfig config) {
        if (!config.hasEgoPack()) {
            return java.util.List.of();
        }
        return config.heads().stream().filter(t -> !config.egoPack().supportTasks().contains(t)).toList();
    }

    private static Loaded loadShipped(final ModelConfig config, final NDManager manager) {
        final HierEgoPackModel model;
        try {
            model = ShippedModel.load(manager);
        } catch (ModelFormatException | IOException | IllegalStateException e) {
            throw new ModelLoadException("cannot load the model shipped with EgoStream (model.preset "
                    + ModelConfig.SHIPPED + "): " + e.getMessage(), e);
        }
        if (model.config().inputDim() != config.featureDim()) {
            final int inputDim = model.config().inputDim();
            model.close();
            throw new ModelLoadException("the model shipped with EgoStream (model.preset " + ModelConfig.SHIPPED
                    + ") reads " + inputDim + "-d features but model.feature-dim is " + config.featureDim()
                    + "; set model.feature-dim " + inputDim + ", or model.dir to a model trained on "
                    + config.featureDim() + "-d features", null);
        }
        return new Loaded(model, new ModelRef(model.id(), "shipped-" + shippedDigest()), false);
    }

    private static String shippedDigest() {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (var in = ShippedModel.class.getResourceAsStream(ShippedModel.RESOURCE_DIR + ModelDirectory.MANIFEST)) {
                if (in == null) {
                    throw new ModelLoadException("the shipped model has no " + ModelDirectory.MANIFEST, null);
                }
                sha.update(in.readAllBytes());
            }
            return "sha256-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ModelLoadException("cannot read the shipped model's " + ModelDirectory.MANIFEST + ": "
                    + e.getMessage(), e);
        }
    }

    private static String manifestDigest(final Path dir) {
        try {
            final byte[] manifest = Files.readAllBytes(dir.resolve(ModelDirectory.MANIFEST));
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(manifest);
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ModelLoadException("cannot read " + dir.resolve(ModelDirectory.MANIFEST) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A preset with another input dimension (the preset's other sizes unchanged).
     *
     * @param c the preset
     * @param inputDim the feature dimension D
     * @return the configuration
     */
    static HierEgoPackConfig withInputDim(final HierEgoPackConfig c, final int inputDim) {
        return new HierEgoPackConfig(inputDim, c.hidden(), c.depth(), c.gateHidden(), c.edgeRadius(),
                c.featureSize(), c.arClassifierHidden(), c.osccClassifierHidden(), c.ltaClassifierHidden(),
                c.mqClassifierHidden(), c.ltaGateHidden(), c.ltaSteps(), c.numVerbs(), c.numNouns(), c.mqClasses(),
                c.mqScales(), c.heads(), c.egoPack());
    }
}
