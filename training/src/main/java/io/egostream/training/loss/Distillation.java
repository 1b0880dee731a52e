package io.egostream.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.nn.Scalars;

/**
 * Knowledge distillation towards a teacher's logits, as in text-derived knowledge distillation for action
 * anticipation: the teacher distribution is the softmax of its logits at temperature {@code T}, restricted
 * to its top-K classes (the rest set to zero and the top K renormalised), and the loss is
 * <pre>
 * KL(q_teacher || softmax(student / T)) * T^2   per row, averaged over the rows that have a teacher
 * </pre>
 * ({@code T^2} keeps the gradient scale independent of the temperature, Hinton et al.).
 *
 * @param temperature softmax temperature {@code T > 0}
 * @param topK classes of the teacher kept, {@code >= 1} (a value at least the class count keeps all)
 * @param weight multiplier of the term in the total loss, {@code >= 0}
 */
public record Distillation(double temperature, int topK, double weight) {

    /** Validates the parameters. */
    public Distillation {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("distillation temperature must be positive and finite, got "
                    + temperature);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("distillation top-K must be at least 1, got " + topK);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("distillation weight must be finite and >= 0, got " + weight);
        }
    }

    /**
     * The teacher's target distribution of one row: softmax at temperature {@code T} over the top-K logits
     * (ties broken by the lower class index), zero elsewhere.
     *
     * @param teacherLogits {@code [C]} logits of the teacher
     * @return {@code [C]} probabilities summing to 1
     */
    public float[] teacherDistribution(final float[] teacherLogits) {
        final int c = teacherLogits.length;
        final int k = Math.min(topK, c);
        final Integer[] order = new Integer[c];
        for (int i = 0; i < c; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            final int byValue = Float.compare(teacherLogits[b], teacherLogits[a]);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        final double max = teacherLogits[order[0]] / temperature;
        final double[] e = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            e[j] = Math.exp(teacherLogits[order[j]] / temperature - max);
            sum += e[j];
        }
        final float[] out = new float[c];
        for (int j = 0; j < k; j++) {
            out[order[j]] = (float) (e[j] / sum);
        }
        return out;
    }

    /**
     * @param studentLogits {@code [N, C]} logits of the model
     * @param teacherLogits per row the teacher's {@code [C]} logits, or null for a row without a teacher
     * @return the weighted mean KL over the rows with a teacher, a scalar (0 when no row has one)
     */
    public NDArray loss(final NDArray studentLogits, final float[][] teacherLogits) {
        final Shape s = studentLogits.getShape();
        if (s.dimension() != 2 || s.get(0) != teacherLogits.length) {
            throw new IllegalArgumentException("distillation needs student logits [N, C] with N = "
                    + teacherLogits.length + " teacher rows, got " + s);
        }
        final int c = (int) s.get(1);
        final float[] q = new float[teacherLogits.length * c];
        final float[] rowMask = new float[teacherLogits.length];
        int rows = 0;
        for (int i = 0; i < teacherLogits.length; i++) {
            if (teacherLogits[i] == null) {
                continue;
            }
            if (teacherLogits[i].length != c) {
                throw new IllegalArgumentException("teacher logits of row " + i + " have " + teacherLogits[i].length
                        + " classes, the student has " + c);
            }
            System.arraycopy(teacherDistribution(teacherLogits[i]), 0, q, i * c, c);
            rowMask[i] = 1f;
            rows++;
        }
        final NDManager m = studentLogits.getManager();
        if (rows == 0) {
            return studentLogits.sum().mul(Scalars.of(studentLogits, 0f));
        }
        final NDArray target = m.create(q, s);
        final NDArray logP = studentLogits.div(Scalars.of(studentLogits, (float) temperature)).logSoftmax(1);
        // sum_c q (log q - log p); q log q is a constant (0 log 0 = 0), kept so the value is the true KL
        final NDArray logQ = target.add(target.eq(0f).toType(target.getDataType(), false)).log();
        final NDArray perRow = target.mul(logQ.sub(logP)).sum(new int[] {1});
        final NDArray masked = perRow.mul(m.create(rowMask));
        return masked.sum().div(Scalars.of(masked, (float) rows))
                .mul(Scalars.of(masked, (float) (temperature * temperature * weight)));
    }
}
