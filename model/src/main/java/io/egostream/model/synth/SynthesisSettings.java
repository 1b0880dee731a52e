package io.egostream.model.synth;

/**
 * The knobs of the feature generator. Before the output non-linearity every value is
 * {@code g = (classWeight * c + sceneWeight * s + driftWeight * n + noiseWeight * e) / norm + b}: c the mix of the
 * active classes' prototypes, s a per-video scene vector, n an AR(1) drift with lag-1 correlation
 * {@code driftCorrelation}, e white noise, b a fixed per-dimension bias with standard deviation
 * {@code dimensionBias}, norm the root of the sum of the squared weights (so the first four parts add to unit
 * variance). The output is {@code max(0, a * (exp(logScale * g) - t))}, a shifted log-normal whose threshold t
 * zeroes about {@code zeroFraction} of the values and whose scale a sets the mean to about {@code meanValue}.
 *
 * <p>The defaults give what real post-ReLU video features show (measured on I3D features): mean 0.15-0.24,
 * standard deviation 0.19-0.26, 1-8 % exact zeros, median cosine of consecutive frames about 0.85, and a median
 * frame L2 norm of 11-16 at D = 2048 (it scales with the square root of D: about 4.8 at D = 256).
 *
 * @param framesPerSecond frames per second, in (0, 1000]: 1.875 for EgoVLP (16 video frames at 30 fps)
 * @param classWeight weight of the active classes' prototypes, &gt;= 0
 * @param sceneWeight weight of the per-video scene vector, &gt;= 0
 * @param driftWeight weight of the slow AR(1) drift, &gt;= 0
 * @param noiseWeight weight of the per-frame white noise, &gt;= 0
 * @param driftCorrelation lag-1 correlation of the drift, in [0, 1)
 * @param logScale spread of the log-normal output, in (0, 4]
 * @param dimensionBias standard deviation of the per-dimension bias, in [0, 4]
 * @param zeroFraction target fraction of exact zeros, in (0, 0.5)
 * @param meanValue target mean value, &gt; 0
 */
public record SynthesisSettings(
        double framesPerSecond,
        double classWeight,
        double sceneWeight,
        double driftWeight,
        double noiseWeight,
        double driftCorrelation,
        double logScale,
        double dimensionBias,
        double zeroFraction,
        double meanValue) {

    /** Ego4D EgoVLP feature rate: 16 video frames at 30 fps. */
    public static final double EGOVLP_FRAMES_PER_SECOND = 30.0 / 16.0;

    /** Validates every field. */
    public SynthesisSettings {
        require(framesPerSecond > 0 && framesPerSecond <= 1000, "frames per second", framesPerSecond, "(0, 1000]");
        require(classWeight >= 0 && Double.isFinite(classWeight), "class weight", classWeight, ">= 0");
        require(sceneWeight >= 0 && Double.isFinite(sceneWeight), "scene weight", sceneWeight, ">= 0");
        require(driftWeight >= 0 && Double.isFinite(driftWeight), "drift weight", driftWeight, ">= 0");
        require(noiseWeight >= 0 && Double.isFinite(noiseWeight), "noise weight", noiseWeight, ">= 0");
        require(classWeight + sceneWeight + driftWeight + noiseWeight > 0, "sum of the weights",
                classWeight + sceneWeight + driftWeight + noiseWeight, "> 0");
        require(driftCorrelation >= 0 && driftCorrelation < 1, "drift correlation", driftCorrelation, "[0, 1)");
        require(logScale > 0 && logScale <= 4, "log scale", logScale, "(0, 4]");
        require(dimensionBias >= 0 && dimensionBias <= 4, "dimension bias", dimensionBias, "[0, 4]");
        require(zeroFraction > 0 && zeroFraction < 0.5, "zero fraction", zeroFraction, "(0, 0.5)");
        require(meanValue > 0 && Double.isFinite(meanValue), "mean value", meanValue, "> 0");
    }

    /**
     * The defaults at the EgoVLP rate (1.875 frames/s), tuned to the statistics above.
     *
     * @return the default settings
     */
    public static SynthesisSettings defaults() {
        return new SynthesisSettings(EGOVLP_FRAMES_PER_SECOND, 1.0, 0.5, 0.8, 0.66, 0.8, 0.72, 0.45, 0.04, 0.19);
    }

    /**
     * The same settings at another frame rate.
     *
     * @param rate frames per second, in (0, 1000]
     * @return new settings
     */
    public SynthesisSettings withFramesPerSecond(final double rate) {
        return new SynthesisSettings(rate, classWeight, sceneWeight, driftWeight, noiseWeight, driftCorrelation,
                logScale, dimensionBias, zeroFraction, meanValue);
    }

    /**
     * The time between two frames.
     *
     * @return 1 / frames per second, s
     */
    public double strideSeconds() {
        return 1.0 / framesPerSecond;
    }

    private static void require(final boolean ok, final String name, final double value, final String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("synthesis " + name + " must be in " + allowed + ", got " + value);
        }
    }
}
