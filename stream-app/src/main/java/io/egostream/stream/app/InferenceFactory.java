package io.egostream.stream.app;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.egostream.config.EgoStreamConfig;
import io.egostream.config.ModelConfig;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.ModelLoadException;
import io.egostream.stream.inference.ModelLoader;
import io.egostream.stream.inference.IncrementalModelInference;
import io.egostream.stream.openvocab.OpenVocabularyInference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the analyzer's inference from the {@code model} group: DJL's PyTorch engine (offline, natives from the
 * Maven artifacts) on the configured device, the model of {@code model.dir} (or, when it is empty, the shipped
 * trained model or an untrained preset, see {@link ModelLoader}), run by the exact incremental evaluator ({@link IncrementalModelInference}); with
 * {@code model.open-vocabulary-dir} set, wrapped in {@link OpenVocabularyInference} so AR events also carry the
 * operator's open-vocabulary labels.
 */
public final class InferenceFactory {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceFactory.class);
    private static final String PYTORCH = "PyTorch";
    private static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";

    private InferenceFactory() {}

    /**
     * Loads the model and builds the inference.
     *
     * @param config the configuration
     * @return the inference (owns the model)
     * @throws ModelLoadException naming the key and the problem
     */
    public static AnalyzerInference create(final EgoStreamConfig config) {
        final ModelConfig model = config.model();
        if (model.engine() != io.egostream.config.Engine.PYTORCH) {
            throw new ModelLoadException("model.engine '" + model.engine().name().toLowerCase(java.util.Locale.ROOT)
                    + "' is not supported by the analyzer yet; allowed: pytorch", null);
        }
        // One PyTorch thread unless the operator says otherwise: the analyzer shares its cores with Kafka Streams
        // (and in the demo with the broker); with PyTorch's default thread pool each small per-level kernel call
        // contends with them (measured with `egostream bench pipeline` on 2 loaded cores: 8x more model time).
        if (System.getProperty(PYTORCH_THREADS) == null) {
            System.setProperty(PYTORCH_THREADS, "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        final Device device = device(model);
        final NDManager manager = NDManager.newBaseManager(device, PYTORCH);
        try {
            final ModelLoader.Loaded loaded = ModelLoader.load(model, manager);
            if (loaded.untrained()) {
                LOG.warn("model.dir is empty and model.preset is {}: running {} with untrained weights (events "
                        + "come from real forward passes, but their labels carry no meaning; model.preset shipped "
                        + "runs the trained default model)", model.preset(), loaded.ref().id());
            }
            LOG.info("model {} ({}) on {} with DJL {}", loaded.ref().id(), loaded.ref().version(), device,
                    Engine.getEngine(PYTORCH).getVersion());
            final AnalyzerInference inference = new IncrementalModelInference(loaded.model(), loaded.ref(), manager,
                    config);
            if (!model.openVocabulary()) {
                return inference;
            }
            try {
                final OpenVocabularyInference open = OpenVocabularyInference.wrap(inference, model, manager);
                LOG.info("open-vocabulary AR labels from {}: {}", model.openVocabularyDir(),
                        open.classifier().labels());
                return open;
            } catch (RuntimeException e) {
                inference.close();
                throw e;
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Device device(final ModelConfig model) {
        final int gpus = Engine.getEngine(PYTORCH).getGpuCount();
        return switch (model.device()) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new ModelLoadException("model.device is gpu but the PyTorch engine sees no GPU; "
                            + "allowed here: cpu, auto", null);
                }
                yield Device.gpu();
            }
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
