package io.egostream.config;

/** Non-maximum suppression of moment candidates (per class). */
public enum NmsMethod {
    /** Gaussian soft-NMS: scores decay by exp(-iou^2 / sigma); the reference for Ego4D MQ. */
    SOFT,
    /** Hard NMS: candidates overlapping a better one by iou &gt;= the threshold are dropped. */
    HARD
}
