package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;
import io.egostream.model.graph.Neighbourhood;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.graph.RadiusGraph;
import io.egostream.model.graph.TdgcEdges;
import io.egostream.model.graph.TimePooling;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code GraphHier} temporal backbone (reference-model.md section 2); in eval mode (the default)
 * dropout is the identity, for training a rate can be given:
 * <pre>
 * x = Linear(Din -> H)[proj.1](x)
 * for d in 0..levels-1:
 *   edges = radius_graph(pos / 2^d, r, clip)                      (strict, float32: offsets +-1..3)
 *   h = LeakyReLU_0.2(TDGC[layers.d.module_1](Dropout(x)))
 *   h = LeakyReLU_0.2(LayerNorm[layers.d.module_4](TDGC[layers.d.module_3](h)))
 *   x = x + h                                                     -> level d output
 *   x, nodes = mean time pooling (x)                              (the centre counted twice)
 * </pre>
 * Shapes: input {@code [N, Din]}; level d {@code [N_d, H]} with {@code N_{d+1} = sum ceil(n_clip/2)};
 * final pooled {@code [N_levels, H]}.
 */
public final class Backbone {

    private final HierEgoPackWeights weights;
    private final float dropout;

    /**
     * An eval-mode backbone (no dropout), as the reference runs at inference.
     *
     * @param weights the parameter store
     */
    public Backbone(final HierEgoPackWeights weights) {
        this(weights, 0f);
    }

    /**
     * @param weights the parameter store
     * @param dropout training-time dropout rate on each level's block input ({@code layers.d.module_0}; the
     *     reference trains with 0.1), in [0, 1); 0 for inference
     */
    public Backbone(final HierEgoPackWeights weights, final float dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("backbone dropout must be in [0, 1), got " + dropout);
        }
        this.weights = weights;
        this.dropout = dropout;
    }

    /**
     * @param input the clips
     * @param levels how many levels to run, 1 to the configured depth ({@code max_depth + 1})
     * @return every level and the final pooled features
     */
    public BackboneOutput forward(final ClipInput input, final int levels) {
        final HierEgoPackConfig c = weights.config();
        if (levels < 1 || levels > c.depth()) {
            throw new IllegalArgumentException("backbone levels must be in [1, " + c.depth() + "], got " + levels);
        }
        final long din = input.x().getShape().get(1);
        if (din != c.inputDim()) {
            throw new IllegalArgumentException("input features have " + din + " dimensions, the model expects "
                    + c.inputDim());
        }
        NDArray x = Ops.linear(input.x(), weights, WeightModule.BACKBONE, "proj.1");
        NodeSet nodes = input.nodes();
        final List<BackboneLevel> out = new ArrayList<>();
        for (int d = 0; d < levels; d++) {
            final TdgcEdges edges = levelEdges(nodes, d, c.edgeRadius());
            x = x.add(block(x, edges, d));
            out.add(new BackboneLevel(d, x, nodes));
            final TimePooling pooling = TimePooling.of(nodes);
            x = Ops.gatherSum(x, pooling.plan());
            nodes = pooling.pooled();
        }
        return new BackboneOutput(out, x, nodes);
    }

    /**
     * The residual branch of level {@code d}: {@code LeakyReLU(LN(TDGC_b(LeakyReLU(TDGC_a(x)))))}.
     *
     * @param x level input {@code [N, H]}
     * @param edges the level's edges
     * @param d the level
     * @return {@code [N, H]}, to be added to {@code x}
     */
    public NDArray block(final NDArray x, final TdgcEdges edges, final int d) {
        final String p = "layers." + d;
        final NDArray in = dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
        NDArray h = new Tdgc(weights, WeightModule.BACKBONE, p + ".module_1").forward(in, edges);
        h = Ops.leakyRelu(h, 0.2f);
        h = new Tdgc(weights, WeightModule.BACKBONE, p + ".module_3").forward(h, edges);
        h = Ops.layerNorm(h, weights, WeightModule.BACKBONE, p + ".module_4");
        return Ops.leakyRelu(h, 0.2f);
    }

    /**
     * @param nodes the nodes of level {@code d}
     * @param d the level
     * @param radius the edge radius
     * @return the TDGC edges: radius graph on {@code pos / 2^d}, distances on the raw {@code pos}
     */
    public static TdgcEdges levelEdges(final NodeSet nodes, final int d, final double radius) {
        final Neighbourhood g = RadiusGraph.build(RadiusGraph.levelScaledPositions(nodes, d), nodes, radius);
        return TdgcEdges.of(g, nodes.pos());
    }
}
