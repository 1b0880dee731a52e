package io.egostream.stream.openvocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.OpenVocabularyHead;
import io.egostream.model.nn.openvocab.OpenVocabularyModel;
import io.egostream.model.nn.openvocab.OpenVocabularyModelDirectory;
import io.egostream.model.nn.openvocab.OpenVocabularyParameters;
import io.egostream.model.nn.openvocab.PromptTemplate;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.app.InferenceFactory;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import io.egostream.text.TextEncoder;
import io.egostream.text.openvocab.OpenVocabularyClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator-added label in live events, on a real broker with the real engines: the configuration lists
 * {@code cut onion; open fridge; pour water} ("pour water" added by the operator, no retraining) and two
 * cameras stream frames whose features read as "pour water" and as "cut onion" to the open-vocabulary head;
 * every AR event of each camera carries its label, head {@value OpenVocabularyClassifier#HEAD}, first.
 */
@Timeout(240)
class OpenVocabularyIT {

    private static final int DIM = 384;
    private static final int FRAMES = 40;
    private static final String PROMPT = "a person is going to {}";

    private static LocalKafkaBroker broker;
    @TempDir
    private static Path tmp;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.start(0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /**
     * A head that reads 384-d frames as text-space vectors (identity projection, no adapter), so a window of
     * frames equal to a prompt's embedding scores that prompt's label highest among the configured ones.
     */
    private static Path identityHead() throws Exception {
        final Path dir = tmp.resolve("open-vocab");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            final OpenVocabularyConfig config = new OpenVocabularyConfig(DIM, DIM, 0, new PromptTemplate(PROMPT), 0.05);
            final Map<String, NDArray> arrays = OpenVocabularyParameters.initialize(config, manager, 1);
            arrays.put(OpenVocabularyParameters.PROJ_WEIGHT, manager.eye(DIM));
            arrays.put(OpenVocabularyParameters.PROJ_BIAS, manager.zeros(new Shape(DIM)));
            OpenVocabularyModelDirectory.write(dir, new OpenVocabularyModel("identity", OpenVocabularyClassifier.TEXT_ENCODER,
                    "verb", List.of("take"), new OpenVocabularyHead(config, arrays)));
        }
        return dir;
    }

    private static EgoStreamConfig config(final Path head) {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "open-vocabulary-it");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_INGEST_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_MODEL_OPEN_VOCABULARY_DIR", head.toString());
        env.put("EGOSTREAM_MODEL_OPEN_VOCABULARY_LABELS", "cut onion; open fridge; pour water");
        env.put("EGOSTREAM_MODEL_OPEN_VOCABULARY_TOP_K", "1");
        env.put("EGOSTREAM_HTTP_PORT", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "1");
        return ConfigLoader.load(null, env);
    }

    @Test
    void anOperatorAddedLabelAppearsInLiveArEvents() throws Exception {
        final EgoStreamConfig config = config(identityHead());
        final Topics topics = Topics.from(config);
        final float[] pouring;
        final float[] cutting;
        try (TextEncoder encoder = TextEncoder.openDefault()) {
            pouring = encoder.embed("a person is going to pour water");
            cutting = encoder.embed("a person is going to cut onion");
        }
        try (Admin admin = Admin.create(StreamsProperties.admin(config, broker.bootstrapServers()))) {
            TopicAdmin.createAndAwaitLeaders(admin, topics.newTopics(), Duration.ofSeconds(60));
        }
        try (AnalyzerApp app = AnalyzerApp.start(config, broker.bootstrapServers(), InferenceFactory.create(config),
                AnalyzerMetrics.withNewRegistry("egostream"), tmp.resolve("state"))) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "Kafka Streams must reach RUNNING");
            try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(), topics.frames().name(),
                    Map.of())) {
                final long now = System.currentTimeMillis();
                for (int i = 0; i < FRAMES; i++) {
                    producer.send(new FeatureFrame("cam-pour", 0, i, now + i * 533L, pouring));
                    producer.send(new FeatureFrame("cam-cut", 0, i, now + i * 533L, cutting));
                }
                producer.send(new EndOfStream("cam-pour", 0, FRAMES, now + FRAMES * 533L));
                producer.send(new EndOfStream("cam-cut", 0, FRAMES, now + FRAMES * 533L));
                producer.flush();
                assertEquals(0, producer.report().failed(), producer.report().summary());
            }
            final Map<String, List<AnalyzerEvent>> events = awaitArEvents(topics);
            assertFalse(events.get("cam-pour").isEmpty(), "AR events of cam-pour");
            assertFalse(events.get("cam-cut").isEmpty(), "AR events of cam-cut");
            assertEveryEventCarries(events.get("cam-pour"), "pour water", 2);
            assertEveryEventCarries(events.get("cam-cut"), "cut onion", 0);
        }
    }

    private static void assertEveryEventCarries(final List<AnalyzerEvent> events, final String label, final int id) {
        for (final AnalyzerEvent e : events) {
            final List<LabelScore> open = e.labels().stream()
                    .filter(l -> l.head().equals(OpenVocabularyClassifier.HEAD)).toList();
            assertEquals(1, open.size(), "top-1 open-vocabulary label in " + e);
            assertEquals(label, open.get(0).label(), e.toString());
            assertEquals(id, open.get(0).id(), "position in the configured list");
            assertTrue(open.get(0).score() > 1.0 / 3, "more probable than uniform: " + open.get(0));
            assertTrue(e.labels().stream().anyMatch(l -> l.head().equals("verb")), "the model's own verbs stay");
        }
    }

    private static Map<String, List<AnalyzerEvent>> awaitArEvents(final Topics topics) {
        final Map<String, List<AnalyzerEvent>> events = new HashMap<>();
        events.put("cam-pour", new ArrayList<>());
        events.put("cam-cut", new ArrayList<>());
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-open-vocabulary");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final String topic = topics.events(Task.AR).name();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.currentTimeMillis() + 150_000;
            while (System.currentTimeMillis() < deadline
                    && (events.get("cam-pour").size() < 2 || events.get("cam-cut").size() < 2)) {
                for (final ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    final AnalyzerEvent e = topics.events(Task.AR).valueSerde().deserializer()
                            .deserialize(topic, r.value().getBytes(StandardCharsets.UTF_8));
                    events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        return events;
    }
}
