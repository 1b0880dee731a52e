package io.egostream.stream.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates topics and waits until they can take records. A topic is usable only when every partition has a
 * leader: an idempotent producer that sends to a partition before that can have its records expire
 * silently (KAFKA-15591), so nobody produces before {@link #createAndAwaitLeaders} returns.
 */
public final class TopicAdmin {

    private static final long POLL_MS = 50;

    private TopicAdmin() {}

    /**
     * Creates the topics that do not exist yet (existing ones are kept as they are) and waits until every
     * partition of every topic has a leader.
     *
     * @param admin an admin client of the cluster
     * @param topics the topics with partitions and replication factor
     * @param timeout how long to wait in total
     * @throws TopicSetupException naming the topic when creation fails or a partition has no leader in time
     */
    public static void createAndAwaitLeaders(final Admin admin, final Collection<NewTopic> topics,
            final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final CreateTopicsResult result = admin.createTopics(topics);
        for (final Map.Entry<String, ? extends java.util.concurrent.Future<Void>> entry : result.values().entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TopicSetupException("cannot create topic " + entry.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSetupException("interrupted while creating topic " + entry.getKey(), e);
            }
        }
        final List<String> names = topics.stream().map(NewTopic::name).toList();
        awaitLeaders(admin, names, deadline);
    }

    private static void awaitLeaders(final Admin admin, final List<String> names, final long deadline) {
        String waitingFor = names.toString();
        while (true) {
            final List<String> leaderless = leaderless(admin, names);
            if (leaderless.isEmpty()) {
                return;
            }
            waitingFor = leaderless.toString();
            if (System.nanoTime() > deadline) {
                throw new TopicSetupException("partitions without a leader after the timeout: " + waitingFor, null);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSetupException("interrupted while waiting for leaders of " + waitingFor, e);
            }
        }
    }

    /** The partitions (as topic-partition names) that have no leader yet, or whose topic is not visible yet. */
    private static List<String> leaderless(final Admin admin, final List<String> names) {
        final List<String> missing = new ArrayList<>();
        final Map<String, TopicDescription> descriptions;
        try {
            descriptions = admin.describeTopics(names).allTopicNames().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of("(topics not yet visible: " + names + ")");
            }
            throw new TopicSetupException("cannot describe topics " + names + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while describing topics " + names, e);
        }
        for (final TopicDescription description : descriptions.values()) {
            for (final TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    missing.add(description.name() + "-" + partition.partition());
                }
            }
        }
        return missing;
    }
}
