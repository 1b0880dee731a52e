package io.egostream.training.optim;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adam} (betas 0.9/0.999, eps 1e-8, coupled L2 weight decay per group) over DJL
 * parameters, with the global-norm clipping and the learning-rate schedule of the recipes applied in
 * {@link #step()}. The moments live in Java float arrays and the arithmetic is float32 as in PyTorch, so a
 * step is deterministic and the whole state can be checkpointed ({@link #state()}) and restored.
 *
 * <p>Per parameter {@code p} with gradient {@code g} at step {@code t} (1-based):
 * <pre>
 * g = g + wd p;  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 * p = p - lr_t / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 */
public final class Adam {

    /** First-moment decay. */
    public static final float BETA1 = 0.9f;
    /** Second-moment decay. */
    public static final float BETA2 = 0.999f;
    /** Denominator guard. */
    public static final float EPS = 1e-8f;

    private final List<ParameterGroup> groups;
    private final LearningRateSchedule schedule;
    private final double gradClip;
    private final Map<String, float[]> firstMoments = new LinkedHashMap<>();
    private final Map<String, float[]> secondMoments = new LinkedHashMap<>();
    private long steps;

    /**
     * @param groups the parameter groups; names must be unique across groups
     * @param schedule the learning-rate schedule
     * @param gradClip largest global gradient norm, or 0 for no clipping
     */
    public Adam(final List<ParameterGroup> groups, final LearningRateSchedule schedule, final double gradClip) {
        if (!(gradClip >= 0)) {
            throw new IllegalArgumentException("gradient clip must be >= 0 (0 = off), got " + gradClip);
        }
        this.groups = List.copyOf(groups);
        this.schedule = schedule;
        this.gradClip = gradClip;
        for (final ParameterGroup g : this.groups) {
            for (final Map.Entry<String, NDArray> e : g.parameters().entrySet()) {
                if (firstMoments.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("parameter " + e.getKey() + " is in two groups");
                }
                firstMoments.put(e.getKey(), new float[Math.toIntExact(e.getValue().size())]);
                secondMoments.put(e.getKey(), new float[Math.toIntExact(e.getValue().size())]);
            }
        }
    }

    /** @return optimiser steps taken so far */
    public long steps() {
        return steps;
    }

    /**
     * @param group a group
     * @return the learning rate the next step will use for that group
     */
    public double currentLearningRate(final ParameterGroup group) {
        return schedule.learningRate(group.learningRate(), steps);
    }

    /** @return the groups */
    public List<ParameterGroup> groups() {
        return groups;
    }

    /**
     * Reads every parameter's gradient, clips them together, updates the parameters in place and zeroes
     * the gradients. A parameter without a gradient counts as a zero gradient (weight decay and momentum
     * still apply, as in PyTorch when {@code p.grad} is zero rather than {@code None}).
     *
     * @return the global gradient norm before clipping
     * @throws IllegalStateException if a gradient is not finite (the parameters are left unchanged)
     */
    public double step() {
        final List<NDArray> params = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<ParameterGroup> owner = new ArrayList<>();
        for (final ParameterGroup g : groups) {
            g.parameters().forEach((name, p) -> {
                params.add(p);
                names.add(name);
                owner.add(g);
            });
        }
        final float[][] grads = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            grads[i] = gradientOf(params.get(i));
        }
        final double norm = GradientClipping.globalNorm(grads);
        if (!Double.isFinite(norm)) {
            zeroGradients();
            throw new IllegalStateException("gradient norm is " + norm + " at step " + (steps + 1)
                    + "; the parameters were not updated");
        }
        if (gradClip > 0) {
            GradientClipping.clipGlobalNorm(grads, gradClip);
        }
        final int t = (int) Math.min(Integer.MAX_VALUE, steps + 1);
        final float bc1 = (float) (1 - Math.pow(BETA1, t));
        final float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(BETA2, t));
        for (int i = 0; i < params.size(); i++) {
            final ParameterGroup g = owner.get(i);
            final float lr = (float) schedule.learningRate(g.learningRate(), steps);
            final float wd = (float) g.weightDecay();
            final NDArray p = params.get(i);
            final float[] values = p.toFloatArray();
            final float[] m = firstMoments.get(names.get(i));
            final float[] v = secondMoments.get(names.get(i));
            final float[] grad = grads[i];
            final float stepSize = lr / bc1;
            final float[] delta = new float[values.length];
            for (int k = 0; k < values.length; k++) {
                final float gk = wd != 0f ? grad[k] + wd * values[k] : grad[k];
                m[k] = BETA1 * m[k] + (1 - BETA1) * gk;
                v[k] = BETA2 * v[k] + (1 - BETA2) * gk * gk;
                final float denom = (float) Math.sqrt(v[k]) / bc2Sqrt + EPS;
                delta[k] = stepSize * (m[k] / denom);
            }
            // in place on the engine's own storage (outside a gradient collector, so no autograd)
            try (NDArray d = p.getManager().create(delta, p.getShape())) {
                p.subi(d);
            }
        }
        zeroGradients();
        steps++;
        return norm;
    }

    /** Sets every parameter's accumulated gradient to zero. */
    public void zeroGradients() {
        for (final ParameterGroup g : groups) {
            for (final NDArray p : g.parameters().values()) {
                if (p.hasGradient()) {
                    // in place: NDArray.set would point the gradient at a Java buffer freed with this handle
                    try (NDArray grad = p.getGradient()) {
                        grad.muli(0f);
                    }
                }
            }
        }
    }

    private static float[] gradientOf(final NDArray p) {
        if (!p.hasGradient()) {
            return new float[Math.toIntExact(p.size())];
        }
        try (NDArray grad = p.getGradient()) {
            return grad.toFloatArray();
        }
    }

    /**
     * @return the complete state: step count and both moments of every parameter, by parameter name
     */
    public AdamState state() {
        final Map<String, float[]> m = new LinkedHashMap<>();
        final Map<String, float[]> v = new LinkedHashMap<>();
        firstMoments.forEach((k, a) -> m.put(k, a.clone()));
        secondMoments.forEach((k, a) -> v.put(k, a.clone()));
        return new AdamState(steps, m, v);
    }

    /**
     * Restores a state taken from an optimiser over the same parameters.
     *
     * @param state the state
     * @throws IllegalArgumentException if a parameter is missing or has another size, naming it
     */
    public void restore(final AdamState state) {
        for (final String name : firstMoments.keySet()) {
            final float[] m = state.firstMoments().get(name);
            final float[] v = state.secondMoments().get(name);
            if (m == null || v == null) {
                throw new IllegalArgumentException("checkpoint has no optimiser state for parameter " + name);
            }
            if (m.length != firstMoments.get(name).length || v.length != m.length) {
                throw new IllegalArgumentException("checkpoint optimiser state of " + name + " has " + m.length
                        + " values, the parameter has " + firstMoments.get(name).length);
            }
            System.arraycopy(m, 0, firstMoments.get(name), 0, m.length);
            System.arraycopy(v, 0, secondMoments.get(name), 0, v.length);
        }
        this.steps = state.steps();
    }
}
