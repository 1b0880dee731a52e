package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egostream.model.domain.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterCountsTest {

    @Test
    void shouldReproduceTheReferenceCounts() {
        final ParameterCounts c = ParameterCounts.of(HierEgoPackConfig.reference());
        assertEquals(22_274_816L, c.backbone());
        assertEquals(1_379_072L, c.oneTdgc());
        assertEquals(2_803_793L, c.heads().get(Task.AR));
        assertEquals(1_842_178L, c.heads().get(Task.OSCC));
        assertEquals(1_183_489L, c.heads().get(Task.PNR));
        assertEquals(5_561_937L, c.heads().get(Task.LTA));
        assertEquals(2_883_704L, c.heads().get(Task.MQ));
        assertEquals(722_176L, c.egoPack().stagePerTask());
        assertEquals(5 * 1024 * 768L, c.egoPack().prototypes());
        assertEquals(22_274_816L + 2_803_793L + 1_842_178L + 1_183_489L + 5_561_937L + 2_883_704L + 7_543_040L,
                c.total());
    }

    @Test
    void shouldCountDepthOneBackboneAndConvDepthOneStage() {
        final HierEgoPackConfig ref = HierEgoPackConfig.reference();
        assertEquals(2_957_056L, ParameterCounts.of(ref.withDepth(1)).backbone());
        final EgoPackConfig e = ref.egoPack();
        final HierEgoPackConfig conv1 = ref.withHeads(ref.heads(),
                new EgoPackConfig(e.hidden(), 4, 1, 1, e.prototypes(), e.supportTasks()));
        assertEquals(590_848L, ParameterCounts.of(conv1).egoPack().stagePerTask());
    }

    @Test
    void shouldCountTheSmallConfigurationAsTheReferenceManifest() {
        final ParameterLayout l = ParameterLayout.of(HierEgoPackConfig.small());
        assertEquals(35_184L, l.count(WeightModule.BACKBONE));
        assertEquals(10_898L, l.count(WeightModule.HEAD_AR));
        assertEquals(628_722L, l.count(WeightModule.HEAD_LTA));
        assertEquals(11_754L, l.count(WeightModule.HEAD_MQ));
        assertEquals(295_618L, l.count(WeightModule.HEAD_OSCC));
        assertEquals(4_849L, l.count(WeightModule.HEAD_PNR));
        assertEquals(28_320L, l.count(WeightModule.EGOPACK));
    }

    @Test
    void shouldListExactlyTheOfficialKeysAndShapesInOrder() throws IOException {
        for (final String preset : List.of("reference", "small")) {
            final Map<String, List<String>> expected = readParamNames("/reference/param-names-" + preset + ".txt");
            final ParameterLayout layout = ParameterLayout.of(HierEgoPackConfig.preset(preset));
            assertEquals(new java.util.TreeSet<>(expected.keySet()),
                    new java.util.TreeSet<>(layout.modules().stream().map(WeightModule::fileStem).toList()), preset);
            for (final WeightModule m : layout.modules()) {
                final List<String> actual = new ArrayList<>();
                for (final ParameterSpec s : layout.specs(m).values()) {
                    actual.add(s.key() + "\t" + java.util.Arrays.toString(s.shape()));
                }
                assertEquals(expected.get(m.fileStem()), actual, preset + " " + m);
            }
        }
    }

    private static Map<String, List<String>> readParamNames(final String resource) throws IOException {
        final Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = ParameterCountsTest.class.getResourceAsStream(resource)) {
            List<String> current = null;
            for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ")) {
                    current = new ArrayList<>();
                    out.put(line.substring(2).split("\\s+")[0], current);
                } else if (!line.isBlank()) {
                    current.add(line.strip());
                }
            }
        }
        return out;
    }
}
