package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import io.egostream.model.graph.SlotPlan;

/** The tensor operations every block uses, in PyTorch semantics. All results live on the input's manager. */
final class Ops {

    /** LayerNorm epsilon of every LayerNorm in the model (PyTorch default). */
    static final float LAYER_NORM_EPS = 1e-5f;

    private Ops() {
    }

    /** {@code y = x W^T + b}, W {@code [out, in]}; {@code b} may be null. */
    static NDArray linear(final NDArray x, final NDArray weight, final NDArray bias) {
        return bias == null ? Linear.linear(x, weight).singletonOrThrow()
                : Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /** {@code Linear} with the parameters {@code prefix.weight} (and {@code prefix.bias} if present). */
    static NDArray linear(final NDArray x, final HierEgoPackWeights w, final WeightModule m, final String prefix) {
        final NDArray bias = w.module(m).get(prefix + ".bias");
        return linear(x, w.get(m, prefix + ".weight"), bias);
    }

    /** LayerNorm over the last axis with {@code prefix.weight} and {@code prefix.bias}, eps 1e-5. */
    static NDArray layerNorm(final NDArray x, final HierEgoPackWeights w, final WeightModule m, final String prefix) {
        final NDArray gamma = w.get(m, prefix + ".weight");
        return LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, w.get(m, prefix + ".bias"),
                LAYER_NORM_EPS).singletonOrThrow();
    }

    static NDArray leakyRelu(final NDArray x, final float slope) {
        return Activation.leakyRelu(x, slope);
    }

    static NDArray relu(final NDArray x) {
        return Activation.relu(x);
    }

    /** Rows {@code x[index]} (index_select on axis 0), differentiable with respect to {@code x}. */
    static NDArray rows(final NDArray x, final long[] index) {
        return rows(x, index, x.getManager());
    }

    /** Rows {@code x[index]} with the index and the result on {@code manager}. */
    static NDArray rows(final NDArray x, final long[] index, final NDManager manager) {
        return attached(x.get(manager.create(index)), manager);
    }

    /** The weighted gather of a slot plan: {@code [rows, H]} from {@code x [*, H]}. */
    static NDArray gatherSum(final NDArray x, final SlotPlan plan) {
        return gatherSum(x, plan, x.getManager());
    }

    /** The weighted gather of a slot plan with every new array on {@code m}. */
    static NDArray gatherSum(final NDArray x, final SlotPlan plan, final NDManager m) {
        final long h = x.getShape().get(1);
        if (plan.slots() == 0) {
            return m.zeros(new Shape(plan.rows(), h), x.getDataType());
        }
        final NDArray coef = m.create(plan.coef(), new Shape((long) plan.slots() * plan.rows(), 1));
        final NDArray g = rows(x, plan.index(), m).mul(coef);
        return g.reshape(plan.slots(), plan.rows(), h).sum(new int[] {0});
    }

    /**
     * Moves a result computed from a stored parameter (whose ops land on the store's manager) to the
     * manager of the call, so per-call arrays never accumulate in the store.
     */
    static NDArray attached(final NDArray result, final NDManager manager) {
        result.attach(manager);
        return result;
    }

    /** A float32 {@code [n, 1]} column on the manager of {@code like}. */
    static NDArray column(final NDArray like, final float[] values) {
        return like.getManager().create(values, new Shape(values.length, 1)).toType(DataType.FLOAT32, false);
    }
}
