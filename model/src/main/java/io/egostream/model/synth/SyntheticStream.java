package io.egostream.model.synth;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The frames of one timeline, generated one at a time in order (O(D) memory, whatever the length). Made by
 * {@link FeatureSynthesizer#stream}; not thread-safe.
 */
public final class SyntheticStream {

    private static final double SQRT_HALF = StrictMath.sqrt(0.5);

    private final FeatureSynthesizer synthesizer;
    private final VideoTimeline timeline;
    private final SeededGaussian noise;
    private final float[] scene;
    private final float[] drift;
    private final double[] mix;
    private final int frameCount;
    private int next;

    SyntheticStream(final FeatureSynthesizer synthesizer, final VideoTimeline timeline, final long seed) {
        this.synthesizer = synthesizer;
        this.timeline = timeline;
        final int dimension = synthesizer.dimension();
        this.noise = new SeededGaussian(seed);
        this.scene = new float[dimension];
        this.drift = new float[dimension];
        this.mix = new double[dimension];
        noise.fill(scene);
        noise.fill(drift);
        this.frameCount = timeline.frameCount(synthesizer.settings().framesPerSecond());
    }

    /**
     * The number of frames of the stream.
     *
     * @return floor(video duration * frames per second), at least 1
     */
    public int frameCount() {
        return frameCount;
    }

    /**
     * The index of the frame {@link #next()} returns.
     *
     * @return 0..frameCount
     */
    public int nextIndex() {
        return next;
    }

    /**
     * Whether frames remain.
     *
     * @return true while nextIndex() &lt; frameCount()
     */
    public boolean hasNext() {
        return next < frameCount;
    }

    /**
     * The timeline the stream plays.
     *
     * @return the annotated video
     */
    public VideoTimeline timeline() {
        return timeline;
    }

    /**
     * The annotated actions active in a frame: those overlapping {@code [i, i + 1)} strides.
     *
     * @param frameIndex the frame
     * @return the active segments, possibly none
     */
    public List<ActionSegment> activeSegments(final int frameIndex) {
        final double stride = synthesizer.settings().strideSeconds();
        return timeline.overlapping(frameIndex * stride, (frameIndex + 1) * stride);
    }

    /**
     * Generates the next frame.
     *
     * @return a new vector, shape {@code [D]}, all values finite and &gt;= 0
     * @throws NoSuchElementException after the last frame
     */
    public float[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream of video " + timeline.videoId() + " has only "
                    + frameCount + " frames");
        }
        final SynthesisSettings settings = synthesizer.settings();
        classMix(activeSegments(next));
        final double rho = settings.driftCorrelation();
        final double innovation = StrictMath.sqrt(1.0 - rho * rho);
        final double norm = synthesizer.weightNorm();
        final double wc = settings.classWeight() / norm;
        final double ws = settings.sceneWeight() / norm;
        final double wd = settings.driftWeight() / norm;
        final double wn = settings.noiseWeight() / norm;
        final float[] frame = new float[mix.length];
        for (int d = 0; d < frame.length; d++) {
            drift[d] = (float) (rho * drift[d] + innovation * noise.next());
            final double g = wc * mix[d] + ws * scene[d] + wd * drift[d] + wn * noise.next();
            frame[d] = synthesizer.output(d, g);
        }
        next++;
        return frame;
    }

    /**
     * Fills {@link #mix} with the unit-variance mix of the active actions' prototypes (an action is
     * (verb + noun) / sqrt 2), each weighted by the fraction of the frame it covers, plus the background
     * prototype weighted by the fraction the best-covering action leaves.
     */
    private void classMix(final List<ActionSegment> active) {
        final ClassPrototypes prototypes = synthesizer.prototypes();
        final double stride = synthesizer.settings().strideSeconds();
        final double from = next * stride;
        Arrays.fill(mix, 0.0);
        double sumSquares = 0;
        double largest = 0;
        for (final ActionSegment segment : active) {
            final double w = segment.overlapSeconds(from, from + stride) / stride;
            final float[] verb = prototypes.verb(segment.verbClass());
            final float[] noun = prototypes.noun(segment.nounClass());
            for (int d = 0; d < mix.length; d++) {
                mix[d] += w * SQRT_HALF * (verb[d] + noun[d]);
            }
            sumSquares += w * w;
            largest = Math.max(largest, w);
        }
        final double wb = Math.max(0.0, 1.0 - largest);
        final float[] background = prototypes.background();
        for (int d = 0; d < mix.length; d++) {
            mix[d] += wb * background[d];
        }
        sumSquares += wb * wb;
        final double inverse = 1.0 / StrictMath.sqrt(sumSquares);
        for (int d = 0; d < mix.length; d++) {
            mix[d] *= inverse;
        }
    }
}
