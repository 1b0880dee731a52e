package io.egostream.model.nn;

/**
 * How a fresh parameter is initialised (model.md, matching the official modules' reset rules).
 *
 * @param kind the rule
 * @param value the constant of {@link Kind#CONSTANT}, unused otherwise
 * @param fanIn the fan-in of the uniform rules, unused otherwise
 */
public record InitRule(Kind kind, double value, int fanIn) {

    /** The rules. */
    public enum Kind {
        /** PyTorch's default for Linear weight and bias: {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}. */
        UNIFORM_FAN_IN,
        /** Identity (TDGC {@code lin_rel.weight}). */
        IDENTITY,
        /** All zeros (TDGC biases, LayerNorm bias). */
        ZEROS,
        /** All ones (LayerNorm weight, MQ {@code scales}). */
        ONES,
        /** A constant (classifier bias with a prior: {@code -log((1-p)/p)}). */
        CONSTANT,
        /** Standard normal (placeholder EgoPack prototypes until they are built from data). */
        STANDARD_NORMAL,
        /** {@code logspace(0, 1, n, base=1e-4)} (the PNR positional-encoding frequencies). */
        PE_FREQUENCY
    }

    /** Validates the fields. */
    public InitRule {
        if (kind == null) {
            throw new IllegalArgumentException("init kind must not be null");
        }
        if (kind == Kind.UNIFORM_FAN_IN && fanIn < 1) {
            throw new IllegalArgumentException("fan-in must be positive, got " + fanIn);
        }
    }

    static InitRule uniform(final int fanIn) {
        return new InitRule(Kind.UNIFORM_FAN_IN, 0, fanIn);
    }

    static InitRule of(final Kind kind) {
        return new InitRule(kind, 0, 0);
    }

    static InitRule prior(final double prob) {
        return new InitRule(Kind.CONSTANT, -Math.log((1 - prob) / prob), 0);
    }
}
