package io.egostream.config;

/** The DJL engine that runs the model. */
public enum Engine {
    /** DJL's PyTorch engine (natives from Maven Central, CPU build by default). */
    PYTORCH,
    /** DJL's OnnxRuntime engine on the exported ONNX model (TensorRT provider on GPU hosts). */
    ONNXRUNTIME
}
