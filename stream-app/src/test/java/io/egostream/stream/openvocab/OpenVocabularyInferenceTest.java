package io.egostream.stream.openvocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.OpenVocabularyHead;
import io.egostream.model.nn.openvocab.OpenVocabularyModel;
import io.egostream.model.nn.openvocab.OpenVocabularyModelDirectory;
import io.egostream.model.nn.openvocab.OpenVocabularyParameters;
import io.egostream.model.nn.openvocab.PromptTemplate;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.CameraSession;
import io.egostream.stream.inference.CameraWork;
import io.egostream.stream.inference.TaskResult;
import io.egostream.text.TextEncoder;
import io.egostream.text.openvocab.OpenVocabularyClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrapper around a stand-in inference, with the real classifier and text encoder. */
class OpenVocabularyInferenceTest {

    private static final CameraSession SESSION = new CameraSession("cam-1", 0);

    /** Returns one AR and one OSCC result over frames 2..4; records what it was asked. */
    private static final class FixedInference implements AnalyzerInference {
        private final List<List<CameraWork>> steps = new ArrayList<>();
        private boolean closed;

        @Override
        public ModelRef model() {
            return new ModelRef("fixed", "1");
        }

        @Override
        public List<TaskResult> step(final List<CameraWork> work) {
            steps.add(work);
            final List<LabelScore> verbs = List.of(new LabelScore("verb", "take", 0, 0.5));
            return List.of(
                    new TaskResult(SESSION, Task.AR, EventStatus.FINAL, new FrameRange(2, 4), 1, 2, verbs, List.of(),
                            -1, 0),
                    new TaskResult(SESSION, Task.OSCC, EventStatus.FINAL, new FrameRange(2, 4), 1, 2,
                            List.of(new LabelScore("state_change", "yes", 1, 0.9)), List.of(), -1, 0));
        }

        @Override
        public double momentLagSeconds() {
            return 7.5;
        }

        @Override
        public void release(final CameraSession session) {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Path identityHead(final Path dir, final NDManager manager) throws Exception {
        final OpenVocabularyConfig config =
                new OpenVocabularyConfig(384, 384, 0, new PromptTemplate("a person is going to {}"), 0.05);
        final Map<String, NDArray> arrays = OpenVocabularyParameters.initialize(config, manager, 1);
        arrays.put(OpenVocabularyParameters.PROJ_WEIGHT, manager.eye(384));
        arrays.put(OpenVocabularyParameters.PROJ_BIAS, manager.zeros(new Shape(384)));
        OpenVocabularyModelDirectory.write(dir, new OpenVocabularyModel("identity", "all-MiniLM-L6-v2", "verb",
                List.of("take"), new OpenVocabularyHead(config, arrays)));
        return dir;
    }

    @Test
    void arResultsGainTheBestConfiguredLabelsOthersPassUnchanged(@TempDir final Path dir) throws Exception {
        final FixedInference fixed = new FixedInference();
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); TextEncoder encoder = TextEncoder.openDefault()) {
            final float[] pouring = encoder.embed("a person is going to pour water");
            final List<long[]> asked = new ArrayList<>();
            final CameraWork work = new CameraWork(SESSION, 0, 4, false, (first, last) -> {
                asked.add(new long[] {first, last});
                final float[][] frames = new float[(int) (last - first + 1)][];
                for (int i = 0; i < frames.length; i++) {
                    frames[i] = pouring;
                }
                return frames;
            });
            final OpenVocabularyClassifier classifier = OpenVocabularyClassifier.open(identityHead(dir, manager),
                    encoder, List.of("cut onion", "pour water", "open fridge"), manager);
            final OpenVocabularyInference inference = new OpenVocabularyInference(fixed, classifier, null, 2);
            final List<TaskResult> results = inference.step(List.of(work));
            assertEquals(2, results.size());
            final TaskResult ar = results.get(0);
            assertEquals(Task.AR, ar.task());
            assertEquals(3, ar.labels().size(), "the model's verb, then the top-2 open-vocabulary labels");
            assertEquals("verb", ar.labels().get(0).head());
            assertEquals(new LabelScore(OpenVocabularyClassifier.HEAD, "pour water", 1, ar.labels().get(1).score()),
                    ar.labels().get(1));
            assertTrue(ar.labels().get(1).score() > ar.labels().get(2).score());
            assertEquals(List.of(2L, 4L), List.of(asked.get(0)[0], asked.get(0)[1]), "the AR window's frames");
            assertEquals("yes", results.get(1).labels().get(0).label());
            assertEquals(1, results.get(1).labels().size(), "OSCC untouched");
            assertEquals("fixed", inference.model().id());
            assertEquals(7.5, inference.momentLagSeconds(), 0.0);
            inference.close();
            assertTrue(fixed.closed, "closing the wrapper closes the wrapped inference");
        }
    }
}
