package io.egostream.training.language;

/** The heads the open-vocabulary experiment compares. */
public enum HeadKind {
    /** A linear classifier over the training classes: cannot name any other class. */
    CLOSED_SET("closed-set"),
    /** Projection into the text space, cosine with the frozen prompt embeddings, learned temperature. */
    TEXT_ONLY("text-only zero-shot"),
    /** TEXT_ONLY plus the instance-conditioning adapter of the class embeddings (X-MIC style). */
    X_MIC("X-MIC adapter");

    private final String title;

    HeadKind(final String title) {
        this.title = title;
    }

    /**
     * The name used in reports.
     *
     * @return e.g. {@code X-MIC adapter}
     */
    public String title() {
        return title;
    }
}
