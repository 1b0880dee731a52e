package io.egostream.training.task;

import io.egostream.training.data.FeatureGrid;

/** How a task stamps its nodes (model.md section 1). */
public enum NodeTiming {
    /** {@code (0.5 + i) stride / fps} seconds (AR, OSCC, MQ). */
    CENTRE,
    /** The centre rounded to 3 decimals (LTA). */
    CENTRE_ROUNDED,
    /** {@code i stride / fps} seconds (PNR). */
    START;

    /**
     * @param grid the feature grid
     * @param i node index inside its clip
     * @return the node's timestamp, s
     */
    public float pos(final FeatureGrid grid, final int i) {
        return switch (this) {
            case CENTRE -> grid.centre(i);
            case CENTRE_ROUNDED -> (float) (Math.round(grid.centre(i) * 1000.0) / 1000.0);
            case START -> (float) (i * grid.strideFrames() / grid.fps());
        };
    }
}
