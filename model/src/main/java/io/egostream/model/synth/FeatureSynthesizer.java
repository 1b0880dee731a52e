package io.egostream.model.synth;

import java.util.Objects;

/**
 * Seeded, reproducible feature vectors for annotated timelines (see {@link SynthesisSettings} for the
 * generative model). The same prototypes, settings, seed, timeline and stream name give the same floats,
 * bit for bit, on every JVM.
 *
 * <pre>{@code
 * AnnotationSet epic = EpicKitchensCsv.shipped();
 * FeatureSynthesizer synth = new FeatureSynthesizer(
 *         RandomClassPrototypes.of(epic.vocabulary(), 256, 42), SynthesisSettings.defaults(), 42);
 * SyntheticStream stream = synth.stream(epic.timelines().get(0), "P01_11");
 * while (stream.hasNext()) { float[] frame = stream.next(); }   // [256] each, 1.875 per second of video
 * }</pre>
 */
public final class FeatureSynthesizer {

    private final ClassPrototypes prototypes;
    private final SynthesisSettings settings;
    private final long seed;
    private final float[] dimensionBias;
    private final double scale;
    private final double threshold;
    private final double weightNorm;

    /**
     * A generator.
     *
     * @param prototypes the class directions (their dimension is the feature dimension D)
     * @param settings the generative model's knobs
     * @param seed the seed of everything random that is not a prototype
     */
    public FeatureSynthesizer(final ClassPrototypes prototypes, final SynthesisSettings settings, final long seed) {
        this.prototypes = Objects.requireNonNull(prototypes, "prototypes");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seed = seed;
        this.dimensionBias = new float[prototypes.dimension()];
        final SeededGaussian bias = new SeededGaussian(SeededGaussian.derive(seed, "dimension-bias"));
        for (int d = 0; d < dimensionBias.length; d++) {
            dimensionBias[d] = (float) (settings.dimensionBias() * bias.next());
        }
        this.weightNorm = StrictMath.sqrt(square(settings.classWeight()) + square(settings.sceneWeight())
                + square(settings.driftWeight()) + square(settings.noiseWeight()));
        // Pre-activation log-value z = logScale * g ~ N(0, s^2); output max(0, a * (exp(z) - t)).
        final double s = settings.logScale() * StrictMath.sqrt(1.0 + square(settings.dimensionBias()));
        final double k = StandardNormal.quantile(settings.zeroFraction());
        this.threshold = StrictMath.exp(s * k);
        final double unscaledMean = StrictMath.exp(0.5 * s * s) * StandardNormal.cdf(s - k)
                - threshold * (1.0 - settings.zeroFraction());
        this.scale = settings.meanValue() / unscaledMean;
    }

    /**
     * The feature dimension.
     *
     * @return D
     */
    public int dimension() {
        return prototypes.dimension();
    }

    /**
     * The settings.
     *
     * @return the generative model's knobs
     */
    public SynthesisSettings settings() {
        return settings;
    }

    /**
     * The class prototypes.
     *
     * @return the prototypes
     */
    public ClassPrototypes prototypes() {
        return prototypes;
    }

    /**
     * A stream of frames over a timeline: {@code timeline.frameCount(framesPerSecond)} frames, frame i
     * covering {@code [i, i + 1)} strides of the video.
     *
     * @param timeline the annotated video
     * @param streamName names the random draws of this stream (scene, drift, noise): two cameras replaying the
     *     same video under different names get different noise; e.g. the video id
     * @return a new stream at frame 0
     */
    public SyntheticStream stream(final VideoTimeline timeline, final String streamName) {
        return new SyntheticStream(this, timeline, SeededGaussian.derive(seed, "stream", timeline.videoId(),
                Objects.requireNonNull(streamName, "streamName")));
    }

    /**
     * Every frame of a timeline at once.
     *
     * @param timeline the annotated video
     * @param streamName see {@link #stream}
     * @return shape {@code [frames][D]}
     */
    public float[][] generate(final VideoTimeline timeline, final String streamName) {
        final SyntheticStream stream = stream(timeline, streamName);
        final float[][] frames = new float[stream.frameCount()][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = stream.next();
        }
        return frames;
    }

    double weightNorm() {
        return weightNorm;
    }

    /** The output non-linearity of one dimension's pre-activation g (before the bias). */
    float output(final int d, final double g) {
        final double z = settings.logScale() * (g + dimensionBias[d]);
        return (float) StrictMath.max(0.0, scale * (StrictMath.exp(z) - threshold));
    }

    private static double square(final double x) {
        return x * x;
    }
}
