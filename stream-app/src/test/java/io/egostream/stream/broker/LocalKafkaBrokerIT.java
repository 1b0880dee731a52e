package io.egostream.stream.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LocalKafkaBrokerIT {

    @Test
    void shouldServeProduceAndConsumeAndDeleteItsDataAtClose() throws Exception {
        final Path dataDir;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {
            dataDir = broker.dataDir();
            assertTrue(Files.isDirectory(dataDir));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                TopicAdmin.createAndAwaitLeaders(admin, List.of(new NewTopic("t", 3, (short) 1)), Duration.ofSeconds(30));
                // A second call with an existing topic is fine.
                TopicAdmin.createAndAwaitLeaders(admin, List.of(new NewTopic("t", 3, (short) 1)), Duration.ofSeconds(30));
                assertEquals(3, admin.describeTopics(List.of("t")).allTopicNames().get().get("t").partitions().size());
            }
            roundTrip(broker.bootstrapServers());
        }
        assertFalse(Files.exists(dataDir), "data directory must be deleted at close");
    }

    @Test
    void shouldListenOnAFixedPort() throws Exception {
        final int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(port)) {
            assertEquals("localhost:" + port, broker.bootstrapServers());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                TopicAdmin.createAndAwaitLeaders(admin, List.of(new NewTopic("fixed", 1, (short) 1)), Duration.ofSeconds(30));
            }
            roundTrip("localhost:" + port);
        }
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            final BrokerStartException e = assertThrows(BrokerStartException.class,
                    () -> LocalKafkaBroker.start(taken.getLocalPort()));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
        }
    }

    private static void roundTrip(final String bootstrap) {
        final String topic = "round-trip";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicAdmin.createAndAwaitLeaders(admin, List.of(new NewTopic(topic, 1, (short) 1)), Duration.ofSeconds(30));
        }
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        final Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                final ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    assertEquals("hello", new String(records.iterator().next().value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                    return;
                }
            }
            throw new AssertionError("no record consumed within 30 s");
        }
    }
}
