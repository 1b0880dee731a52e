package io.egostream.model.incremental;

/**
 * The numeric steps of the incremental evaluator, each one fused batched computation on row-major float32
 * arrays (rows of different cameras and nodes side by side). Implementations run them on an engine: DJL
 * NDArrays ({@link NdStepKernels}, PyTorch engine) or exported ONNX graphs on DJL's OnnxRuntime engine
 * ({@code io.egostream.model.onnx.OnnxStepKernels}). {@code H} is the backbone width, {@code S = 2K} the
 * neighbour slots of a TDGC, {@code F} the task feature size. A kernel set is used by one thread at a time.
 */
public interface StepKernels extends AutoCloseable {

    /**
     * Input projection {@code Linear(Din -> H)[proj.1]}.
     *
     * @param frames {@code [rows, Din]}
     * @param rows number of rows
     * @return level-0 inputs {@code [rows, H]}
     */
    float[] inputProjection(float[] frames, int rows);

    /**
     * Entry of a level block: the first TDGC's per-node maps of the level inputs,
     * {@code hx = LeakyReLU_0.2(W_rel x + b_rel)} and {@code root = W_root x}.
     *
     * @param level backbone level
     * @param x level inputs {@code [rows, H]}
     * @param rows number of rows
     * @return {@code [rows, 2H]}: {@code hx} then {@code root} per row
     */
    float[] levelEntry(int level, float[] x, int rows);

    /**
     * The first TDGC of a level and the second TDGC's per-node maps of its output:
     * {@code u = LeakyReLU_0.2(sum_s coefGate[s] * hx[s] + root + bias_a)}, then
     * {@code [LeakyReLU_0.2(W_rel_b u + b_rel_b), W_root_b u]}.
     *
     * @param level backbone level
     * @param neighbourHx neighbours' {@code hx} {@code [rows, S, H]} (absent neighbours: any values)
     * @param coefGate {@code sign(delta) / degree * gate(|delta|)} per slot {@code [rows, S, H]} (absent: 0)
     * @param root the node's own {@code root} {@code [rows, H]}
     * @param rows number of rows
     * @return {@code [rows, 2H]}
     */
    float[] firstTdgc(int level, float[] neighbourHx, float[] coefGate, float[] root, int rows);

    /**
     * The second TDGC of a level, its LayerNorm and activation and the residual:
     * {@code out = x + LeakyReLU_0.2(LN(sum_s coefGate[s] * hx[s] + root + bias_b))}.
     *
     * @param level backbone level
     * @param neighbourHx {@code [rows, S, H]}
     * @param coefGate {@code [rows, S, H]}
     * @param root {@code [rows, H]}
     * @param x the level inputs of the same nodes {@code [rows, H]}
     * @param rows number of rows
     * @return level outputs {@code [rows, H]}
     */
    float[] secondTdgc(int level, float[] neighbourHx, float[] coefGate, float[] root, float[] x, int rows);

    /**
     * The TDGC gate MLP {@code tanh(W2 LeakyReLU_0.01(W1 d + b1) + b2)}.
     *
     * @param level backbone level
     * @param tdgc 0 for the level's first TDGC ({@code module_1}), 1 for the second ({@code module_3})
     * @param distances {@code |delta|} in seconds
     * @return {@code [distances, H]}
     */
    float[] gates(int level, int tdgc, float[] distances);

    /**
     * A task projection {@code Linear -> LayerNorm -> ReLU -> Linear}.
     *
     * @param head the head whose projector runs
     * @param x {@code [rows, H]}
     * @param rows number of rows
     * @return {@code [rows, F]}
     */
    float[] project(HeadKind head, float[] x, int rows);

    /**
     * A head's two-layer classifier.
     *
     * @param head the head
     * @param classifier the classifier's key prefix ({@code verb_classifier}, {@code classifier}, ...)
     * @param x {@code [rows, in]}
     * @param rows number of rows
     * @return logits {@code [rows, classes]}
     */
    float[] classify(HeadKind head, String classifier, float[] x, int rows);

    /**
     * PNR: {@code Linear(F -> 1)(Projection(x + PE(index)))}.
     *
     * @param x level-0 nodes {@code [rows, H]}
     * @param index the index of each node inside its window
     * @param rows number of rows
     * @return one logit per row
     */
    float[] pnr(float[] x, float[] index, int rows);

    /**
     * LTA: the 20-step chain head on pooled window features.
     *
     * @param pooled max-pooled LTA projections {@code [windows, F]}
     * @param windows number of windows
     * @return verb logits {@code [windows * K, V]} and noun logits {@code [windows * K, N]}
     */
    float[][] lta(float[] pooled, int windows);

    /**
     * MQ per node: projection {@code f} and the regressor scaled by {@code scales[level]}.
     *
     * @param x nodes {@code [rows, H]}
     * @param levels level of each row
     * @param rows number of rows
     * @return {@code f [rows, F]} and offsets {@code [rows, 2]}
     */
    float[][] mqNode(float[] x, int[] levels, int rows);

    /**
     * MQ classifier on {@code [f, context]}.
     *
     * @param f {@code [rows, F]}
     * @param context {@code [rows, F]}
     * @param rows number of rows
     * @return logits {@code [rows, C]}
     */
    float[] mqClassify(float[] f, float[] context, int rows);

    @Override
    void close();
}
