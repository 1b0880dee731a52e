package io.egostream.text.openvocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.OpenVocabularyHead;
import io.egostream.model.nn.openvocab.OpenVocabularyModel;
import io.egostream.model.nn.openvocab.OpenVocabularyModelDirectory;
import io.egostream.model.nn.openvocab.OpenVocabularyParameters;
import io.egostream.model.nn.openvocab.PromptTemplate;
import io.egostream.text.TextEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier on the real text encoder and the PyTorch engine. */
class OpenVocabularyClassifierTest {

    private static final PromptTemplate PROMPT = new PromptTemplate("a person is going to {}");
    private static TextEncoder encoder;

    private final NDManager manager = NDManager.newBaseManager("PyTorch");

    @BeforeAll
    static void openEncoder() {
        encoder = TextEncoder.openDefault();
    }

    @AfterAll
    static void closeEncoder() {
        encoder.close();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /**
     * A head that reads 384-d features as text-space vectors: identity projection, no adapter, so a feature
     * equal to a prompt's embedding scores that prompt's label highest.
     */
    private Path identityModel(final Path dir) throws Exception {
        final OpenVocabularyConfig config = new OpenVocabularyConfig(384, 384, 0, PROMPT, 0.05);
        final Map<String, NDArray> arrays = OpenVocabularyParameters.initialize(config, manager, 1);
        arrays.put(OpenVocabularyParameters.PROJ_WEIGHT, manager.eye(384));
        arrays.put(OpenVocabularyParameters.PROJ_BIAS, manager.zeros(new Shape(384)));
        OpenVocabularyModelDirectory.write(dir, new OpenVocabularyModel("identity", "all-MiniLM-L6-v2", "verb",
                List.of("take"), new OpenVocabularyHead(config, arrays)));
        return dir;
    }

    private Path randomModel(final Path dir, final int featureDim) throws Exception {
        final OpenVocabularyConfig config = new OpenVocabularyConfig(featureDim, 384, 16, PROMPT, 0.07);
        OpenVocabularyModelDirectory.write(dir, new OpenVocabularyModel("random", "all-MiniLM-L6-v2", "verb",
                List.of("take"), new OpenVocabularyHead(config,
                        OpenVocabularyParameters.initialize(config, manager, 3))));
        return dir;
    }

    @Test
    void anAddedLabelIsRecognisedWithoutRetraining(@TempDir final Path dir) throws Exception {
        try (OpenVocabularyClassifier c = OpenVocabularyClassifier.open(identityModel(dir), encoder,
                List.of("cut onion", "open fridge"), manager)) {
            final float[] pouring = encoder.embed("a person is going to pour water");
            final String before = c.top(pouring, 1, OpenVocabularyClassifier.HEAD).get(0).label();
            assertTrue(List.of("cut onion", "open fridge").contains(before), before);
            c.addLabel("pour water");
            assertEquals(List.of("cut onion", "open fridge", "pour water"), c.labels());
            final List<LabelScore> best = c.top(pouring, 2, OpenVocabularyClassifier.HEAD);
            assertEquals("pour water", best.get(0).label());
            assertEquals(2, best.get(0).id());
            assertEquals(OpenVocabularyClassifier.HEAD, best.get(0).head());
            assertTrue(best.get(0).score() > best.get(1).score(), best.toString());
        }
    }

    @Test
    void addingALabelKeepsTheOtherLogits(@TempDir final Path dir) throws Exception {
        try (OpenVocabularyClassifier c = OpenVocabularyClassifier.open(randomModel(dir, 12), encoder,
                List.of("take plate", "wash pan"), manager)) {
            final float[][] features = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new float[12]};
            final float[][] before = c.logits(features);
            c.addLabel("pour water");
            final float[][] after = c.logits(features);
            for (int i = 0; i < 2; i++) {
                assertEquals(3, after[i].length);
                assertArrayEquals(before[i], java.util.Arrays.copyOf(after[i], 2), 1e-6f);
            }
            final float[][] p = c.probabilities(features);
            for (final float[] row : p) {
                assertEquals(1.0, row[0] + row[1] + row[2], 1e-5);
            }
        }
    }

    @Test
    void badLabelsAndFeaturesAreRejectedClearly(@TempDir final Path dir) throws Exception {
        try (OpenVocabularyClassifier c = OpenVocabularyClassifier.open(randomModel(dir, 12), encoder,
                List.of("take plate"), manager)) {
            final IllegalArgumentException twice =
                    assertThrows(IllegalArgumentException.class, () -> c.addLabel(" take plate "));
            assertTrue(twice.getMessage().contains("'take plate' appears twice"), twice.getMessage());
            assertEquals(List.of("take plate"), c.labels(), "a rejected label leaves the set as it was");
            final IllegalArgumentException width =
                    assertThrows(IllegalArgumentException.class, () -> c.top(new float[5], 1, "x"));
            assertTrue(width.getMessage().contains("has 5 values") && width.getMessage().contains("reads 12"),
                    width.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.setLabels(List.of()));
        }
    }

    @Test
    void configuredLabelListsAreParsed() {
        assertEquals(List.of("pour water", "cut onion"), OpenVocabularyLabels.parse(" pour water ;; cut onion; "));
        assertEquals(List.of(), OpenVocabularyLabels.parse(""));
        final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OpenVocabularyLabels.parse("a; b; a"));
        assertTrue(e.getMessage().contains("'a' appears twice"), e.getMessage());
    }

    @Test
    void modelOfAnotherTextWidthIsRejected(@TempDir final Path dir) throws Exception {
        final OpenVocabularyConfig config = new OpenVocabularyConfig(8, 512, 0, PROMPT, 0.07);
        OpenVocabularyModelDirectory.write(dir, new OpenVocabularyModel("clip", "clip-vit-b32", "verb", List.of("take"),
                new OpenVocabularyHead(config, OpenVocabularyParameters.initialize(config, manager, 3))));
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OpenVocabularyClassifier.open(dir, encoder, List.of("take"), manager));
        assertTrue(e.getMessage().contains("clip-vit-b32"), e.getMessage());
    }
}
