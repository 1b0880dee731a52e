package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every array the official code computed on the shared small set, reproduced by the offline forward:
 * floats to {@code 1e-4 + 1e-3|b|}, integers exactly, MQ candidates per label as multisets.
 */
class HierEgoPackGoldenTest {

    private static NDManager manager;
    private static HierEgoPackWeights weights;
    private static Map<String, NpyArray> inputs;
    private static Map<String, NpyArray> expected;

    static Path resource(final String name) {
        try {
            return Path.of(HierEgoPackGoldenTest.class.getResource("/reference/hier-egopack-small/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void load() throws Exception {
        manager = NDManager.newBaseManager();
        weights = HierEgoPackWeights.fromNpy(HierEgoPackConfig.small(), manager,
                HierEgoPackWeightsTest.referenceSmallWeights());
        inputs = NpzFile.read(resource("inputs.npz"));
        expected = NpzFile.read(resource("outputs.npz"));
    }

    @AfterAll
    static void close() {
        weights.close();
        manager.close();
    }

    @Test
    void shouldReproduceEveryReferenceArray() {
        final GoldenComparison cmp = new GoldenComparison();
        final Set<String> covered = new TreeSet<>();
        final ReferenceCaseRunner runner = new ReferenceCaseRunner(weights);
        final Set<Task> fourHeads = Set.of(Task.AR, Task.OSCC, Task.LTA, Task.MQ);
        for (final String c : ReferenceCaseRunner.cases(inputs)) {
            final Set<Task> heads = c.startsWith("pnr") ? Set.of(Task.PNR) : fourHeads;
            check(cmp, covered, c, "", runner, ReferenceCaseRunner.Options.heads(heads));
        }
        check(cmp, covered, "n37pad", "egopack_ar.", runner, new ReferenceCaseRunner.Options(Set.of(Task.AR), true, 0,
                MqContext.clip(), "oscc_segments", MqDecodeSettings.reference()));
        check(cmp, covered, "lta30", "egopack_lta.", runner, new ReferenceCaseRunner.Options(Set.of(Task.LTA), true, 0,
                MqContext.clip(), null, MqDecodeSettings.reference()));
        check(cmp, covered, "pnr16", "egopack_pnr.", runner, new ReferenceCaseRunner.Options(Set.of(Task.PNR), true, 1,
                MqContext.clip(), null, MqDecodeSettings.reference()));
        final Set<String> all = new TreeSet<>(expected.keySet());
        all.removeAll(covered);
        assertTrue(all.isEmpty(), "reference arrays not compared: " + all);
        assertTrue(cmp.problems().isEmpty(), cmp.problems().size() + " mismatches:\n" + String.join("\n", cmp.problems()));
        assertEquals(expected.size(), cmp.compared());
    }

    private static void check(final GoldenComparison cmp, final Set<String> covered, final String c,
            final String only, final ReferenceCaseRunner runner, final ReferenceCaseRunner.Options options) {
        try (NDManager call = manager.newSubManager()) {
            final Map<String, NpyArray> actual = runner.run(inputs, c, options, call);
            final String prefix = c + "." + only;
            for (final Map.Entry<String, NpyArray> e : expected.entrySet()) {
                final String key = e.getKey();
                if (!key.startsWith(prefix) || covered.contains(key)) {
                    continue;
                }
                if (only.isEmpty() && key.startsWith(c + ".egopack_")) {
                    continue;
                }
                if (key.contains(".mq.decoded_")) {
                    if (key.endsWith("decoded_segments")) {
                        cmp.compareCandidates(c + ".mq.", actual, expected);
                        covered.add(c + ".mq.decoded_segments");
                        covered.add(c + ".mq.decoded_scores");
                        covered.add(c + ".mq.decoded_labels");
                    }
                    continue;
                }
                cmp.compare(key, actual.get(key), e.getValue());
                covered.add(key);
            }
        }
    }
}
