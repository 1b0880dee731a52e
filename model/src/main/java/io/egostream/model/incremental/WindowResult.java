package io.egostream.model.incremental;

import io.egostream.model.schedule.NodeWindow;

/**
 * The output of a windowed head (AR, OSCC, PNR, LTA) for one window of level-0 nodes.
 *
 * <ul>
 *   <li>AR: {@code logits} = verb logits {@code [verbs]}, {@code secondLogits} = noun logits {@code [nouns]};</li>
 *   <li>OSCC: {@code logits} = {@code [2]} (no change, change), {@code secondLogits} null;</li>
 *   <li>PNR: {@code logits} = one logit per node of the window {@code [16]}, {@code secondLogits} null;</li>
 *   <li>LTA: {@code logits} = verb logits of the K future steps {@code [K * verbs]} (step-major),
 *       {@code secondLogits} = noun logits {@code [K * nouns]}.</li>
 * </ul>
 *
 * @param head the head
 * @param window the level-0 nodes read
 * @param startSeconds timestamp of the window's first node
 * @param endSeconds timestamp of the window's last node
 * @param logits see above
 * @param secondLogits see above
 */
public record WindowResult(HeadKind head, NodeWindow window, float startSeconds, float endSeconds, float[] logits,
        float[] secondLogits) {
}
