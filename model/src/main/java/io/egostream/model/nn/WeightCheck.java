package io.egostream.model.nn;

import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks weight arrays against a {@link ParameterLayout}: every key present, no unknown key, float32,
 * the expected shape, every value finite. Each failure names the file, the key, the expected and the
 * found value.
 */
public final class WeightCheck {

    private WeightCheck() {
    }

    /**
     * @param layout the layout the arrays must match
     * @param module the file being checked
     * @param arrays its arrays by key
     * @throws ModelFormatException at the first problem
     */
    public static void check(final ParameterLayout layout, final WeightModule module,
            final Map<String, NpyArray> arrays) throws ModelFormatException {
        final Map<String, ParameterSpec> specs = layout.specs(module);
        for (final String key : arrays.keySet()) {
            if (!specs.containsKey(key)) {
                throw new ModelFormatException(module.fileName() + ": unknown key '" + key + "' (not a "
                        + module.fileStem() + " parameter of this configuration; expected keys like '"
                        + specs.keySet().stream().findFirst().orElse("-") + "')");
            }
        }
        for (final ParameterSpec spec : specs.values()) {
            final NpyArray a = arrays.get(spec.key());
            if (a == null) {
                throw new ModelFormatException(module.fileName() + ": missing key '" + spec.key()
                        + "' (expected shape " + NpyArray.shapeText(spec.shape()) + ")");
            }
            if (!Arrays.equals(a.shape(), spec.shape())) {
                throw new ModelFormatException(module.fileName() + ": key '" + spec.key() + "' has shape "
                        + a.shapeText() + ", expected " + NpyArray.shapeText(spec.shape()));
            }
            if (a.dtype() != NpyDtype.FLOAT32) {
                throw new ModelFormatException(module.fileName() + ": key '" + spec.key() + "' is "
                        + a.dtype().descriptor() + ", expected float32 (<f4)");
            }
            final float[] v = a.toFloats();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new ModelFormatException(module.fileName() + ": key '" + spec.key() + "' holds "
                            + v[i] + " at flat index " + i + "; weights must be finite");
                }
            }
        }
    }
}
