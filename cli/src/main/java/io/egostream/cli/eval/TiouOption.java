package io.egostream.cli.eval;

import io.egostream.model.eval.TiouThresholds;

/** Parses {@code --tiou START:STOP:N} (NumPy linspace) or {@code --tiou t1,t2,...} (values as written). */
final class TiouOption {

    private TiouOption() {
    }

    /**
     * Parses the option value.
     *
     * @param text the value
     * @return the thresholds
     * @throws IllegalArgumentException with a sentence naming the value
     */
    static TiouThresholds parse(final String text) {
        try {
            final String[] parts = text.split(":", -1);
            if (parts.length == 3) {
                return TiouThresholds.linspace(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Integer.parseInt(parts[2]));
            }
            if (parts.length == 1) {
                final String[] values = text.split(",", -1);
                final double[] t = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    t[i] = Double.parseDouble(values[i].trim());
                }
                return TiouThresholds.of(t);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--tiou '" + text + "' is neither START:STOP:N nor a list t1,t2,...");
    }
}
