package io.egostream.model.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one ONNX graph (inputs, float32/int64 initializers, nodes, outputs) and serialises it as a
 * {@code ModelProto} with IR version 8 and the default-domain opset 17. Tensor names are generated
 * ({@code t0, t1, ...}) unless given. Dimensions are {@code Long} (fixed) or {@code String} (symbolic,
 * e.g. {@code "rows"}). Operator semantics are ONNX's; see the helper methods for the ones used here.
 */
public final class OnnxGraph {

    /** ONNX element type FLOAT. */
    public static final int FLOAT = 1;
    /** ONNX element type INT64. */
    public static final int INT64 = 7;
    /** The IR version written. */
    public static final int IR_VERSION = 8;
    /** The default-domain opset written. */
    public static final int OPSET = 17;

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final List<String> inputNames = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private int counter;

    /**
     * @param name graph name
     */
    public OnnxGraph(final String name) {
        this.name = name;
    }

    private String fresh() {
        return "t" + counter++;
    }

    private static ProtoWriter valueInfo(final String name, final int elemType, final Object... dims) {
        final ProtoWriter shape = new ProtoWriter();
        for (final Object d : dims) {
            final ProtoWriter dim = new ProtoWriter();
            if (d instanceof String s) {
                dim.string(2, s);
            } else if (d instanceof Number n) {
                dim.varint(1, n.longValue());
            } else {
                throw new IllegalArgumentException("a dimension must be a number or a name, got " + d);
            }
            shape.message(1, dim);
        }
        final ProtoWriter tensor = new ProtoWriter().varint(1, elemType).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    /**
     * @param inputName name
     * @param elemType {@link #FLOAT} or {@link #INT64}
     * @param dims dimensions
     * @return the name
     */
    public String input(final String inputName, final int elemType, final Object... dims) {
        inputs.add(valueInfo(inputName, elemType, dims));
        inputNames.add(inputName);
        return inputName;
    }

    /**
     * Declares a graph output: {@code value} (a tensor of this graph) under the name {@code outputName}.
     *
     * @param value the tensor
     * @param outputName output name
     * @param elemType element type
     * @param dims dimensions
     */
    public void output(final String value, final String outputName, final int elemType, final Object... dims) {
        op("Identity", List.of(value), List.of(), outputName);
        outputs.add(valueInfo(outputName, elemType, dims));
        outputNames.add(outputName);
    }

    /** @return input names in order */
    public List<String> inputNames() {
        return List.copyOf(inputNames);
    }

    /** @return output names in order */
    public List<String> outputNames() {
        return List.copyOf(outputNames);
    }

    /**
     * @param values float32 values, C order
     * @param dims shape
     * @return the initializer's name
     */
    public String constant(final float[] values, final long... dims) {
        final String n = fresh();
        final ProtoWriter t = new ProtoWriter();
        for (final long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT).string(8, n).bytes(9, ProtoWriter.littleEndian(values));
        initializers.add(t);
        return n;
    }

    /**
     * @param values int64 values
     * @param dims shape
     * @return the initializer's name
     */
    public String constantLongs(final long[] values, final long... dims) {
        final String n = fresh();
        final ProtoWriter t = new ProtoWriter();
        for (final long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, INT64).string(8, n).bytes(9, ProtoWriter.littleEndian(values));
        initializers.add(t);
        return n;
    }

    /** An attribute of a node. */
    public record Attr(String name, Object value) {

        /**
         * @return the AttributeProto: {@code Float} -> FLOAT, {@code Integer}/{@code Long} -> INT,
         *     {@code long[]} -> INTS
         */
        ProtoWriter proto() {
            final ProtoWriter p = new ProtoWriter().string(1, name);
            if (value instanceof Float f) {
                p.float32(2, f).varint(20, 1);
            } else if (value instanceof Integer || value instanceof Long) {
                p.varint(3, ((Number) value).longValue()).varint(20, 2);
            } else if (value instanceof long[] ints) {
                for (final long v : ints) {
                    p.varint(8, v);
                }
                p.varint(20, 7);
            } else {
                throw new IllegalArgumentException("unsupported attribute value " + value);
            }
            return p;
        }
    }

    /**
     * @param opType operator
     * @param in input tensor names
     * @param attrs attributes
     * @param outputName the output's name, or null for a fresh one
     * @return the (single) output's name
     */
    public String op(final String opType, final List<String> in, final List<Attr> attrs, final String outputName) {
        final String out = outputName == null ? fresh() : outputName;
        final ProtoWriter n = new ProtoWriter();
        for (final String i : in) {
            n.string(1, i);
        }
        n.string(2, out).string(3, opType + "_" + nodes.size()).string(4, opType);
        for (final Attr a : attrs) {
            n.message(5, a.proto());
        }
        nodes.add(n);
        return out;
    }

    private String op(final String opType, final String... in) {
        return op(opType, List.of(in), List.of(), null);
    }

    /** @return {@code a + b} (broadcasting) */
    public String add(final String a, final String b) {
        return op("Add", a, b);
    }

    /** @return {@code a * b} (broadcasting) */
    public String mul(final String a, final String b) {
        return op("Mul", a, b);
    }

    /** @return {@code a @ b} (numpy matmul, broadcasting batch dimensions) */
    public String matMul(final String a, final String b) {
        return op("MatMul", a, b);
    }

    /**
     * @param x {@code [N, in]}
     * @param weight {@code [out, in]} (PyTorch layout)
     * @param bias {@code [out]} or null
     * @return {@code x W^T + b} ({@code Gemm} with {@code transB = 1})
     */
    public String linear(final String x, final String weight, final String bias) {
        final List<String> in = bias == null ? List.of(x, weight) : List.of(x, weight, bias);
        return op("Gemm", in, List.of(new Attr("transB", 1L)), null);
    }

    /** @return {@code LeakyReLU} with slope {@code alpha} */
    public String leakyRelu(final String x, final float alpha) {
        return op("LeakyRelu", List.of(x), List.of(new Attr("alpha", alpha)), null);
    }

    /** @return {@code max(x, 0)} */
    public String relu(final String x) {
        return op("Relu", x);
    }

    /** @return {@code tanh(x)} */
    public String tanh(final String x) {
        return op("Tanh", x);
    }

    /** @return {@code sin(x)} */
    public String sin(final String x) {
        return op("Sin", x);
    }

    /** @return {@code cos(x)} */
    public String cos(final String x) {
        return op("Cos", x);
    }

    /**
     * @param x input
     * @param scale {@code [C]}
     * @param bias {@code [C]}
     * @param epsilon variance epsilon
     * @return LayerNorm over the last axis
     */
    public String layerNorm(final String x, final String scale, final String bias, final float epsilon) {
        return op("LayerNormalization", List.of(x, scale, bias),
                List.of(new Attr("axis", -1L), new Attr("epsilon", epsilon)), null);
    }

    /** @return inputs concatenated on {@code axis} */
    public String concat(final int axis, final String... in) {
        return op("Concat", List.of(in), List.of(new Attr("axis", (long) axis)), null);
    }

    /** @return {@code x[..., start:end, ...]} on {@code axis} */
    public String slice(final String x, final long start, final long end, final long axis) {
        return op("Slice", x, constantLongs(new long[] {start}, 1), constantLongs(new long[] {end}, 1),
                constantLongs(new long[] {axis}, 1));
    }

    /** @return the sum over {@code axis}, that axis removed */
    public String reduceSum(final String x, final long axis) {
        return op("ReduceSum", List.of(x, constantLongs(new long[] {axis}, 1)), List.of(new Attr("keepdims", 0L)),
                null);
    }

    /** @return the maximum over {@code axis}, that axis removed */
    public String reduceMax(final String x, final long axis) {
        return op("ReduceMax", List.of(x), List.of(new Attr("axes", new long[] {axis}), new Attr("keepdims", 0L)),
                null);
    }

    /** @return {@code data[indices]} on axis 0 */
    public String gather(final String data, final String indices) {
        return op("Gather", data, indices);
    }

    /** @return {@code x} reshaped to {@code shape} (an int64 initializer; -1 and 0 as in ONNX) */
    public String reshape(final String x, final long... shape) {
        return op("Reshape", x, constantLongs(shape, shape.length));
    }

    /**
     * @param producer producer name written into the model
     * @return the serialised {@code ModelProto}
     */
    public byte[] toModel(final String producer) {
        final ProtoWriter g = new ProtoWriter();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        inputs.forEach(i -> g.message(11, i));
        outputs.forEach(o -> g.message(12, o));
        final ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, OPSET);
        return new ProtoWriter().varint(1, IR_VERSION).string(2, producer).message(7, g).message(8, opset)
                .toByteArray();
    }
}
