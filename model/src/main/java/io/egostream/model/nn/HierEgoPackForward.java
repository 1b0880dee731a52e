package io.egostream.model.nn;

import io.egostream.model.domain.Task;

/**
 * The offline forward of a whole batch of clips, every head, with the reference semantics
 * (reference-model.md). One object per parameter store; stateless, so one instance can serve many threads
 * if each call uses its own input manager. Every array a call creates lives on the manager of the input
 * features: close that manager to free them.
 *
 * <p>For training, mark the store's parameters with {@link HierEgoPackWeights#setRequiresGradient(boolean)}
 * and run the same calls inside a DJL {@code GradientCollector}: every op is differentiable. The reference
 * trains with dropout 0.1 on each backbone level's block input and 0 elsewhere: give
 * {@code backboneDropout} for training, 0 (the one-argument constructor) for inference.
 *
 * @param weights the parameter store
 * @param backboneDropout dropout rate of the backbone blocks, in [0, 1)
 */
public record HierEgoPackForward(HierEgoPackWeights weights, float backboneDropout) {

    /**
     * The inference forward (no dropout).
     *
     * @param weights the parameter store
     */
    public HierEgoPackForward(final HierEgoPackWeights weights) {
        this(weights, 0f);
    }

    /**
     * @param input the clips
     * @return every backbone level
     */
    public BackboneOutput backbone(final ClipInput input) {
        return new Backbone(weights, backboneDropout).forward(input, weights.config().depth());
    }

    /**
     * @param input the clips
     * @param levels levels to run, 1 to depth ({@code 1} = the reference's {@code max_depth = 0})
     * @return those levels
     */
    public BackboneOutput backbone(final ClipInput input, final int levels) {
        return new Backbone(weights, backboneDropout).forward(input, levels);
    }

    /**
     * @param b backbone output
     * @param segments action segments
     * @return AR logits per segment
     */
    public ArOutput ar(final BackboneOutput b, final Segments segments) {
        requireHead(Task.AR);
        return new ArHead(weights).forward(b, segments, null);
    }

    /**
     * @param b backbone output
     * @param segments OSCC windows (each must cover a node)
     * @return OSCC logits per segment
     */
    public OsccOutput oscc(final BackboneOutput b, final Segments segments) {
        requireHead(Task.OSCC);
        return new OsccHead(weights).forward(b, segments, null);
    }

    /**
     * @param b backbone output
     * @return PNR logits {@code [N0, 1]}
     */
    public ai.djl.ndarray.NDArray pnr(final BackboneOutput b) {
        requireHead(Task.PNR);
        return new PnrHead(weights).forward(b, null);
    }

    /**
     * @param b backbone output
     * @return LTA logits {@code [V*K, .]}
     */
    public LtaOutput lta(final BackboneOutput b) {
        requireHead(Task.LTA);
        return new LtaHead(weights).forward(b, null);
    }

    /**
     * @param b backbone output
     * @param context the context-mean rule ({@link MqContext#clip()} = reference)
     * @return MQ logits and offsets of every node
     */
    public MqOutput mq(final BackboneOutput b, final MqContext context) {
        requireHead(Task.MQ);
        return new MqHead(weights).forward(b, context);
    }

    /**
     * @param b backbone output
     * @param main the EgoPack main task
     * @param segments its segments (AR, OSCC) or null
     * @param context MQ context rule or null (clip)
     * @return the EgoPack outputs
     */
    public EgoPackOutput egoPack(final BackboneOutput b, final Task main, final Segments segments,
            final MqContext context) {
        return new EgoPackForward(weights).forward(b, main, segments, context);
    }

    private void requireHead(final Task t) {
        if (!weights.config().hasHead(t)) {
            throw new IllegalArgumentException("the model has no " + t + " head (heads " + weights.config().heads() + ")");
        }
    }
}
