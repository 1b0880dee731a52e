package io.egostream.training.language;

/**
 * The shape of the text-derived teacher.
 *
 * @param textDim E, the width of the text embeddings (384)
 * @param hidden H, the width of its hidden layer, 1..65536
 * @param steps Z, the future actions it predicts (20, as Ego4D LTA), 1..1000
 * @param history how many preceding actions it reads as text (2, as the LTA observation), 1..100
 * @param initialTemperature the temperature of its cosine logits at the start, in [0.01, 1]
 */
public record TextTeacherConfig(int textDim, int hidden, int steps, int history, double initialTemperature) {

    /** Validates every field. */
    public TextTeacherConfig {
        if (textDim < 1 || textDim > 65_536 || hidden < 1 || hidden > 65_536) {
            throw new IllegalArgumentException("teacher widths must be in [1, 65536], got text " + textDim
                    + " and hidden " + hidden);
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("teacher steps must be in [1, 1000], got " + steps);
        }
        if (history < 1 || history > 100) {
            throw new IllegalArgumentException("teacher history must be in [1, 100] actions, got " + history);
        }
        if (!(initialTemperature >= 0.01 && initialTemperature <= 1)) {
            throw new IllegalArgumentException("teacher temperature must be in [0.01, 1], got " + initialTemperature);
        }
    }

    /**
     * The README's teacher.
     *
     * @return 384-d text, 512 hidden, 20 steps, 2 observed actions, temperature 0.07
     */
    public static TextTeacherConfig defaults() {
        return new TextTeacherConfig(384, 512, 20, 2, 0.07);
    }
}
