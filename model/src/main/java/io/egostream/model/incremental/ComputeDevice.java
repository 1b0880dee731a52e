package io.egostream.model.incremental;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Where the model runs, as configured ({@code model.device}): the CPU, a GPU (start-up fails when the
 * engine sees none) or a GPU when there is one.
 */
public enum ComputeDevice {
    /** The CPU. */
    CPU,
    /** The first GPU; fails clearly when the engine sees none. */
    GPU,
    /** The first GPU when the engine sees one, else the CPU. */
    AUTO;

    /**
     * What a GPU host needs, for error messages and the README.
     */
    public static final String GPU_REQUIREMENTS = "an NVIDIA GPU with its driver, CUDA 12, cuDNN 9 and (for "
            + "ortDevice=TensorRT) TensorRT 10 libraries on the library path, and a build with the GPU natives "
            + "(mvn -P gpu: onnxruntime_gpu for the OnnxRuntime engine)";

    /**
     * @param text {@code cpu}, {@code gpu} or {@code auto}, any case
     * @return the device choice
     * @throws IllegalArgumentException for any other text, naming it
     */
    public static ComputeDevice parse(final String text) {
        for (final ComputeDevice d : values()) {
            if (d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("device must be cpu, gpu or auto, got '" + text + "'");
    }

    /**
     * Resolves the choice on an engine.
     *
     * @param engineName a DJL engine name ({@code PyTorch}, {@code OnnxRuntime})
     * @return the device to use
     * @throws IllegalStateException if a GPU is required and the engine sees none, or the engine is missing
     */
    public Device resolve(final String engineName) {
        final Engine engine;
        try {
            engine = Engine.getEngine(engineName);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the " + engineName + " engine is not available: " + e.getMessage(), e);
        }
        final int gpus = engine.getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu was selected but the " + engineName
                            + " engine sees no GPU on this host; a GPU host needs " + GPU_REQUIREMENTS
                            + ". Use device cpu or auto here.");
                }
                yield Device.gpu();
            }
        };
    }
}
