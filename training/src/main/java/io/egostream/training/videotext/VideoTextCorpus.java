package io.egostream.training.videotext;

import io.egostream.model.synth.ActionSegment;
import io.egostream.model.synth.VideoTimeline;
import io.egostream.model.videotext.VideoTextConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Annotated videos with their feature frames, as the video-text model trains and is evaluated on them.
 *
 * <ul>
 *   <li>A <b>segment</b> of an annotation {@code [start, end]} s covers frames {@code floor(start fps)} to
 *       {@code max(first + 1, ceil(end fps))} (exclusive), clipped to the video; annotations starting after the last
 *       frame or without narration are skipped.</li>
 *   <li>A video of {@code T} frames has {@code floor(T / C)} whole <b>chunks</b> of {@code C = chunkFrames};
 *       <b>windows</b> of {@code M = windowChunks} chunks start every {@code hop} chunks and must fit whole; each gets
 *       the {@link SummaryText} of its span (a window without a narration at least half inside is skipped).</li>
 * </ul>
 */
public final class VideoTextCorpus {

    private final VideoTextConfig config;
    private final double framesPerSecond;
    private final Map<String, VideoTimeline> timelines = new LinkedHashMap<>();
    private final Map<String, float[][]> features = new LinkedHashMap<>();

    /**
     * A corpus.
     *
     * @param videos the videos
     * @param featuresOf each video's frames {@code [T][D]}
     * @param config the model sizes (D, chunk and window lengths)
     * @param framesPerSecond feature frames per second, &gt; 0
     */
    public VideoTextCorpus(final List<VideoTimeline> videos, final Function<VideoTimeline, float[][]> featuresOf,
            final VideoTextConfig config, final double framesPerSecond) {
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("frames per second must be > 0, got " + framesPerSecond);
        }
        this.config = config;
        this.framesPerSecond = framesPerSecond;
        for (final VideoTimeline t : videos) {
            final float[][] f = featuresOf.apply(t);
            if (f.length == 0 || f[0].length != config.inputDim()) {
                throw new IllegalArgumentException("video " + t.videoId() + " has " + f.length + " frames of "
                        + (f.length == 0 ? 0 : f[0].length) + " features; the model reads " + config.inputDim());
            }
            timelines.put(t.videoId(), t);
            features.put(t.videoId(), f);
        }
    }

    /**
     * The model sizes.
     *
     * @return the configuration
     */
    public VideoTextConfig config() {
        return config;
    }

    /**
     * The videos.
     *
     * @return their ids in corpus order
     */
    public List<String> videoIds() {
        return List.copyOf(timelines.keySet());
    }

    /**
     * A video's frames (shared, do not change).
     *
     * @param videoId the video
     * @return {@code [T][D]}
     */
    public float[][] frames(final String videoId) {
        final float[][] f = features.get(videoId);
        if (f == null) {
            throw new IllegalArgumentException("video " + videoId + " is not in the corpus");
        }
        return f;
    }

    /**
     * A span of a video's frames.
     *
     * @param videoId the video
     * @param first first frame
     * @param count frames
     * @return the frames, shared arrays
     */
    public List<float[]> frames(final String videoId, final int first, final int count) {
        final float[][] f = frames(videoId);
        final List<float[]> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            out.add(f[i]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Every annotated segment.
     *
     * @return the segments, by video then time
     */
    public List<SegmentSample> segments() {
        final List<SegmentSample> out = new ArrayList<>();
        for (final VideoTimeline t : timelines.values()) {
            final int frames = features.get(t.videoId()).length;
            for (final ActionSegment s : t.segments()) {
                final int first = (int) Math.floor(s.startSeconds() * framesPerSecond + 1e-9);
                final int end = Math.min(frames, Math.max(first + 1,
                        (int) Math.ceil(s.endSeconds() * framesPerSecond - 1e-9)));
                final String text = SummaryText.normalise(s.narration());
                if (first >= frames || text.isEmpty()) {
                    continue;
                }
                out.add(new SegmentSample(t.videoId(), first, end - first, text));
            }
        }
        return out;
    }

    /**
     * Every whole window starting at a multiple of {@code hopChunks}.
     *
     * @param hopChunks chunks between window starts, &gt;= 1
     * @return the windows, by video then time
     */
    public List<WindowSample> windows(final int hopChunks) {
        if (hopChunks < 1) {
            throw new IllegalArgumentException("window hop must be >= 1 chunk, got " + hopChunks);
        }
        final int c = config.chunkFrames();
        final int m = config.windowChunks();
        final List<WindowSample> out = new ArrayList<>();
        for (final VideoTimeline t : timelines.values()) {
            final int chunks = features.get(t.videoId()).length / c;
            for (int s = 0; s + m <= chunks; s += hopChunks) {
                final String summary = SummaryText.of(t.segments(), s * c / framesPerSecond,
                        (s + m) * c / framesPerSecond);
                if (!summary.isEmpty()) {
                    out.add(new WindowSample(t.videoId(), s, m, summary));
                }
            }
        }
        return out;
    }
}
