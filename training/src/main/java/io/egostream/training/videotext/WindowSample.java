package io.egostream.training.videotext;

/**
 * One long window: {@code chunks} consecutive chunks of a video starting at chunk {@code firstChunk}, and the
 * summary text of the narrations inside it ({@link SummaryText}).
 *
 * @param videoId the video
 * @param firstChunk first chunk index, &gt;= 0 (chunk i covers frames {@code [i C, (i + 1) C)})
 * @param chunks chunks, &gt;= 1
 * @param summary the summary text, not empty
 */
public record WindowSample(String videoId, int firstChunk, int chunks, String summary) {

    /** Validates the fields. */
    public WindowSample {
        if (firstChunk < 0 || chunks < 1) {
            throw new IllegalArgumentException("window of video " + videoId + " needs first chunk >= 0 and >= 1 chunk,"
                    + " got " + firstChunk + " and " + chunks);
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("window of video " + videoId + " at chunk " + firstChunk
                    + " has no summary");
        }
    }
}
