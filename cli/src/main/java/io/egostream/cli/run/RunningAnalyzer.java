package io.egostream.cli.run;

import io.egostream.config.EgoStreamConfig;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.app.InferenceFactory;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.search.LiveSearch;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the analyzer for a command and prints where to reach it. */
final class RunningAnalyzer {

    private RunningAnalyzer() {}

    /**
     * Loads the model, starts the analyzer and waits until it processes.
     *
     * @param cfg the configuration
     * @param bootstrap the brokers
     * @param stateDir Kafka Streams state directory, or null for the default
     * @param out where to print the URLs
     * @return the running analyzer
     * @throws InterruptedException when interrupted while waiting
     */
    static AnalyzerApp start(final EgoStreamConfig cfg, final String bootstrap, final Path stateDir,
            final PrintWriter out) throws InterruptedException {
        final PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        final AnalyzerMetrics metrics = new AnalyzerMetrics(registry, cfg.metrics().prefix());
        final LiveSearch search = cfg.search().enabled() ? LiveSearch.create(cfg) : null;
        final AnalyzerApp app;
        try {
            app = AnalyzerApp.start(cfg, bootstrap, InferenceFactory.create(cfg), metrics, stateDir, search);
        } catch (RuntimeException e) {
            if (search != null) {
                search.close();
            }
            throw e;
        }
        final String base = "http://" + displayHost(cfg.http().host()) + ":" + app.httpPort();
        out.println("Analyzer (Kafka Streams application '" + cfg.kafka().applicationId() + "', "
                + cfg.kafka().processingGuarantee().kafkaName() + ")");
        out.println("  dashboard: " + base + "/");
        out.println("  health:  " + base + "/health");
        out.println("  ready:   " + base + "/ready");
        out.println("  metrics: " + base + "/metrics" + (cfg.metrics().enabled() ? "" : " (disabled)"));
        out.println("  search:  " + base + "/api/search?q=cut+onion" + (search == null ? " (disabled)"
                : "  (or: egostream search \"cut onion\")"));
        out.flush();
        if (!app.awaitRunning(Duration.ofSeconds(120))) {
            final String state = app.state().toString();
            app.close();
            throw new IllegalStateException("the analyzer did not start processing (Kafka Streams state " + state
                    + ")");
        }
        return app;
    }

    private static String displayHost(final String host) {
        return "0.0.0.0".equals(host) ? "localhost" : host;
    }
}
