package io.egostream.stream.search;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.SearchConfig;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.videotext.SearchHit;
import io.egostream.model.videotext.SearchIndex;
import io.egostream.model.videotext.SearchRequest;
import io.egostream.model.videotext.TextEmbedder;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import io.egostream.model.videotext.VideoTextModel;
import io.egostream.model.videotext.VideoTextModelDirectory;
import io.egostream.text.TextEncoder;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analyzer instance's search: the video-text model (the indexer processors embed frames with it), the
 * instance's {@link SearchIndex} of the cameras its stream tasks own, and the text encoder that embeds queries.
 * Thread-safe.
 */
public final class LiveSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSearch.class);

    private final VideoTextEncoder encoder;
    private final SearchIndex index;
    private final TextEmbedder text;
    private final AutoCloseable textResource;
    private final SearchConfig config;
    private final String modelId;

    /**
     * @param model the video-text model
     * @param text embeds queries into the model's text space
     * @param textResource closed with this object (the text encoder), or null
     * @param config the {@code search} group
     * @param strideSeconds seconds between two frames
     * @throws IllegalArgumentException when the horizon is shorter than one window of the model
     */
    public LiveSearch(final VideoTextModel model, final TextEmbedder text, final AutoCloseable textResource,
            final SearchConfig config, final double strideSeconds) {
        final VideoTextConfig c = model.config();
        final double windowMinutes = c.windowFrames() * strideSeconds / 60;
        if (config.horizonMinutes() < windowMinutes) {
            throw new IllegalArgumentException("search.horizon-minutes (" + config.horizonMinutes()
                    + ") must hold one window of the video-text model, " + Math.round(windowMinutes * 100) / 100.0
                    + " minutes");
        }
        this.encoder = new VideoTextEncoder(model);
        this.modelId = model.modelId();
        this.text = text;
        this.textResource = textResource;
        this.config = config;
        final double chunkMs = c.chunkFrames() * strideSeconds * 1000;
        this.index = new SearchIndex(c.textDim(), config.horizonMs(),
                (int) Math.min(Integer.MAX_VALUE, Math.ceil(config.horizonMs() / chunkMs) + 2));
    }

    /**
     * Loads the model of {@code search.model-dir} (or the shipped one) and the text encoder.
     *
     * @param config the configuration
     * @return the search
     * @throws IllegalArgumentException naming the key when the model is missing, malformed or does not fit
     *     {@code model.feature-dim}
     */
    public static LiveSearch create(final EgoStreamConfig config) {
        final SearchConfig s = config.search();
        final VideoTextModel model;
        try {
            model = s.modelDir().isEmpty() ? VideoTextModelDirectory.loadResource(VideoTextModelDirectory.SHIPPED)
                    : VideoTextModelDirectory.load(Path.of(s.modelDir()));
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException("search.model-dir: " + e.getMessage(), e);
        }
        if (model.config().inputDim() != config.model().featureDim()) {
            throw new IllegalArgumentException("search.model-dir: the video-text model reads "
                    + model.config().inputDim() + "-d frames but model.feature-dim is " + config.model().featureDim());
        }
        final TextEncoder encoder = TextEncoder.openDefault();
        try {
            final LiveSearch search = new LiveSearch(model, encoder::embed, encoder, s,
                    config.window().frameStrideSeconds());
            LOG.info("search: video-text model {} ({} frames per chunk, {} chunks per window), horizon {} min",
                    model.modelId(), model.config().chunkFrames(), model.config().windowChunks(), s.horizonMinutes());
            return search;
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /**
     * The model.
     *
     * @return the encoder of the video-text model
     */
    public VideoTextEncoder encoder() {
        return encoder;
    }

    /**
     * The model id.
     *
     * @return the video-text model's id
     */
    public String modelId() {
        return modelId;
    }

    /**
     * This instance's index.
     *
     * @return the index the indexer processors fill
     */
    public SearchIndex index() {
        return index;
    }

    /**
     * The settings.
     *
     * @return the {@code search} group
     */
    public SearchConfig config() {
        return config;
    }

    /**
     * Searches this instance's cameras.
     *
     * @param p the checked parameters
     * @return at most k hits, best first
     */
    public List<SearchHit> searchLocal(final SearchParameters p) {
        final float[] q = text.embed(List.of(p.query()))[0];
        return index.search(new SearchRequest(q, p.cameraId(), p.sinceCaptureMs(), p.level(), p.k()));
    }

    /** Closes the text encoder. */
    @Override
    public void close() {
        if (textResource != null) {
            try {
                textResource.close();
            } catch (Exception e) {
                LOG.warn("closing the search text encoder failed: {}", e.toString());
            }
        }
    }
}
