package io.egostream.stream.search;

import io.egostream.config.SearchConfig;
import io.egostream.model.videotext.TextEmbedder;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import io.egostream.model.videotext.VideoTextModel;
import java.util.SplittableRandom;

/** A tiny seeded video-text model, a deterministic stand-in text embedder and search settings for unit tests. */
final class SearchTesting {

    /** D = 8, H = 6, E = 5; chunks of 4 frames, windows of 4 chunks every 2. */
    static final VideoTextConfig CONFIG = new VideoTextConfig(8, 6, 5, 8, 4, 4, 2);
    /** 2 frames per second. */
    static final double STRIDE = 0.5;
    static final VideoTextModel MODEL = VideoTextModel.initial("test-video-text", CONFIG, 21);

    private SearchTesting() {
    }

    /** Each text maps to a seeded unit vector of its hash (the same text always gives the same vector). */
    static final TextEmbedder TEXT = texts -> {
        final float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            final SplittableRandom r = new SplittableRandom(texts.get(i).hashCode());
            final float[] v = new float[CONFIG.textDim()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) r.nextGaussian();
            }
            out[i] = VideoTextEncoder.unit(v);
        }
        return out;
    };

    static SearchConfig config(final double horizonMinutes) {
        return new SearchConfig(true, "", horizonMinutes, 50, 20, 2000);
    }

    static LiveSearch search(final double horizonMinutes) {
        return new LiveSearch(MODEL, TEXT, null, config(horizonMinutes), STRIDE);
    }

    /** A seeded frame of a camera. */
    static float[] features(final String camera, final long session, final long index) {
        final SplittableRandom r = new SplittableRandom(camera.hashCode() * 31L + session * 1_000_003L + index);
        final float[] f = new float[CONFIG.inputDim()];
        for (int d = 0; d < f.length; d++) {
            f[d] = (float) Math.max(0, r.nextGaussian());
        }
        return f;
    }
}
