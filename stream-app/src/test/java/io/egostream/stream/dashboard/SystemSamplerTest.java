package io.egostream.stream.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemSamplerTest {

    private static final Map<String, Task> TOPICS = Map.of("t.actions", Task.AR, "t.moments", Task.MQ);

    @Test
    void shouldReadTheAnalyzersOwnMetersIntoAWindow() {
        final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("ego");
        final SystemSampler sampler = new SystemSampler(metrics.registry(), "ego", TOPICS, 10);
        metrics.frameIn();
        metrics.eventOut("t.actions");
        sampler.sample(1_000);
        for (int i = 0; i < 20; i++) {
            metrics.frameIn();
        }
        metrics.eventOut("t.actions");
        metrics.eventOut("t.moments");
        metrics.eventOut("t.moments");
        metrics.eventOut("unrelated-topic");
        metrics.frameDeadLettered(RejectReason.NON_FINITE);
        metrics.inferenceStep(8, 0.012);
        metrics.inferenceStep(8, 0.013);
        metrics.inferenceStep(16, 0.030);
        metrics.eventLatency(Task.AR, EventStatus.PROVISIONAL, 0.3);
        metrics.eventLatency(Task.MQ, EventStatus.FINAL, 300);
        sampler.sample(5_000);

        final SystemWindow w = sampler.window();
        assertEquals(4.0, w.seconds());
        assertEquals(20, w.framesIn());
        assertEquals(Map.of("AR", 1L, "OSCC", 0L, "PNR", 0L, "LTA", 0L, "MQ", 2L), w.eventsOut());
        assertEquals(1L, w.deadLetters().get("NON_FINITE"));
        assertEquals(0L, w.deadLetters().get("BAD_MAGIC"), "every reason is listed");
        assertEquals(3, w.batchFrames().count());
        assertEquals(32.0, w.batchFrames().sum());
        assertEquals(7.0, w.batchFrames().quantile(0.5), 1e-9, "rank 1.5 of the 2 steps in (4, 8]: 4 + 4 * 1.5 / 2");
        assertEquals(3, w.inferenceSeconds().count());
        assertEquals(1, w.endToEndSeconds().count(), "the moment's latency is not a window event's");

        final SystemView v = SystemView.of(w, List.of());
        assertEquals(5.0, v.framesInPerSecond());
        assertEquals(0.5, v.eventsOutPerSecond().get("MQ"));
        assertTrue(v.endToEndLatencySeconds().p99() > 0.16 && v.endToEndLatencySeconds().p99() <= 0.32,
                "0.3 s lies in the (0.16, 0.32] bucket: " + v.endToEndLatencySeconds());
    }

    @Test
    void everyMeterTheSamplerReadsIsExportedUnderItsName() {
        final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("ego");
        // The meters OperationsMeters adds, registered as it does (without a Kafka Streams client).
        OperationsMeters.register(metrics.registry(), "ego", () -> null,
                io.egostream.stream.topology.Topics.from(io.egostream.config.ConfigLoader.load(null, Map.of())),
                () -> null, new DashboardSettings(5_000, 30_000, 40, 600_000));
        metrics.inferenceStep(1, 0.01);
        metrics.eventLatency(Task.PNR, EventStatus.FINAL, 0.1);
        final java.util.Set<String> exported = new java.util.HashSet<>();
        metrics.registry().scrape().forEach(s -> exported.add(s.getMetadata().getName()));
        for (final String meter : SystemSampler.METERS) {
            assertTrue(exported.contains("ego" + meter), "ego" + meter + " is exported; have " + exported);
        }
        final String text = metrics.scrape();
        assertTrue(text.contains("ego_stream_threads{state=\"RUNNING\"} 0"), text);
        assertTrue(text.contains("ego_cameras{status=\"idle\"} 0"), text);
        assertTrue(text.contains("ego_producer_send_errors_total 0"), text);
        assertTrue(text.contains("ego_consumer_lag_records{topic=\"egostream.frames\"} 0"), text);
        assertTrue(text.contains("ego_streams_client_state{state=\"RUNNING\"} 0"), text);
    }

    @Test
    void countersThatWentDownStartANewWindowInsteadOfGoingNegative() {
        final AnalyzerMetrics first = AnalyzerMetrics.withNewRegistry("ego");
        final Counter fake = Counter.builder().name("x_total").register(first.registry());
        fake.inc();
        final Gauge gauge = Gauge.builder().name("ego_cameras").labelNames("status").register(first.registry());
        gauge.labelValues("active").set(3);
        final SystemSampler sampler = new SystemSampler(first.registry(), "ego", TOPICS, 2);
        first.inferenceStep(4, 0.01);
        sampler.sample(0);
        sampler.sample(1_000);
        sampler.sample(2_000);
        sampler.sample(3_000);
        final SystemWindow w = sampler.window();
        assertEquals(2.0, w.seconds(), "the window keeps windowSamples + 1 samples");
        assertEquals(0, w.batchFrames().count(), "no step inside the window");
        assertEquals(Map.of("active", 3L), w.cameras());
    }
}
