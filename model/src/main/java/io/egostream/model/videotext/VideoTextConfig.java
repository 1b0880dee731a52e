package io.egostream.model.videotext;

/**
 * Sizes of the two-level video-text network and of the spans it reads.
 *
 * <p>A <b>segment</b> is read as at most {@code maxSegmentFrames} frames (longer spans are sampled evenly); a live
 * stream is cut into <b>chunks</b> of {@code chunkFrames} consecutive frames, each encoded as a segment; a
 * <b>window</b> is {@code windowChunks} consecutive chunks, and a new window starts every {@code windowHopChunks}
 * chunks.
 *
 * @param inputDim feature dimension D of a frame, 1..65536 (256 for EgoVLP)
 * @param hiddenDim width H of the frame and segment states, 1..8192
 * @param textDim dimension E of the text space the embeddings live in, 1..8192 (384 for all-MiniLM-L6-v2)
 * @param maxSegmentFrames most frames a segment is read with, 1..4096, at least {@code chunkFrames}
 * @param chunkFrames frames per live chunk (the child level of a window), 1..4096
 * @param windowChunks chunks per window (the parent level), 1..4096
 * @param windowHopChunks chunks between the starts of two windows, 1..{@code windowChunks}
 */
public record VideoTextConfig(int inputDim, int hiddenDim, int textDim, int maxSegmentFrames, int chunkFrames,
        int windowChunks, int windowHopChunks) {

    /** The dimension of all-MiniLM-L6-v2 sentence embeddings. */
    public static final int MINILM_DIM = 384;

    /** Validates every size. */
    public VideoTextConfig {
        require("input dimension", inputDim, 1, 65536);
        require("hidden dimension", hiddenDim, 1, 8192);
        require("text dimension", textDim, 1, 8192);
        require("chunk frames", chunkFrames, 1, 4096);
        require("max segment frames", maxSegmentFrames, chunkFrames, 4096);
        require("window chunks", windowChunks, 1, 4096);
        require("window hop chunks", windowHopChunks, 1, windowChunks);
    }

    /**
     * The default sizes: D = 256, H = 256, E = 384, segments of up to 16 frames, chunks of 8 frames (4.27 s at
     * 1.875 frames/s), windows of 16 chunks (68.3 s) every 8 chunks.
     *
     * @return the default configuration
     */
    public static VideoTextConfig defaults() {
        return new VideoTextConfig(256, 256, MINILM_DIM, 16, 8, 16, 8);
    }

    /**
     * The same configuration with other widths.
     *
     * @param input D
     * @param hidden H
     * @return a new configuration
     */
    public VideoTextConfig withDimensions(final int input, final int hidden) {
        return new VideoTextConfig(input, hidden, textDim, maxSegmentFrames, chunkFrames, windowChunks,
                windowHopChunks);
    }

    /**
     * Frames per window.
     *
     * @return {@code chunkFrames * windowChunks}
     */
    public int windowFrames() {
        return chunkFrames * windowChunks;
    }

    private static void require(final String name, final int value, final int min, final int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("video-text " + name + " must be in [" + min + ", " + max + "], got "
                    + value);
        }
    }
}
