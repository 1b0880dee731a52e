package io.egostream.stream.app;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.stream.metrics.AnalyzerMetrics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A second analyzer instance in its own JVM for {@link AnalyzerFailoverIT}: arguments are the bootstrap servers,
 * a state directory, then {@code EGOSTREAM_*=value} configuration overrides. Prints {@code RUNNING} once Kafka
 * Streams runs, then runs until the test kills the process.
 */
public final class FailoverWorker {

    private FailoverWorker() {}

    /**
     * @param args bootstrap servers, state directory, configuration overrides
     * @throws Exception when the analyzer fails
     */
    public static void main(final String[] args) throws Exception {
        final Map<String, String> env = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            final int eq = args[i].indexOf('=');
            env.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        final AnalyzerApp app = AnalyzerApp.start(config, args[0], InferenceFactory.create(config),
                AnalyzerMetrics.withNewRegistry("egostream"), Path.of(args[1]));
        if (app.awaitRunning(java.time.Duration.ofSeconds(120))) {
            System.out.println("RUNNING");
            System.out.flush();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
