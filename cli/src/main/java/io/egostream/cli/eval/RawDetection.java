package io.egostream.cli.eval;

/**
 * One detection as read from an ActivityNet-style results file.
 *
 * @param label the label text (an integer label as its decimal text)
 * @param integerLabel whether the file wrote the label as a JSON integer
 * @param score the score
 * @param start segment start, seconds
 * @param end segment end, seconds
 */
public record RawDetection(String label, boolean integerLabel, double score, double start, double end) {
}
