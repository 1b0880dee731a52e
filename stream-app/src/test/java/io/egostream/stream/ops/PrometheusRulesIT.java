package io.egostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations files against the real thing: {@code promtool check config} and {@code check rules} pass on
 * {@code ops/prometheus}, and a real Prometheus (the Debian binary, temporary data directory, free port) scraping
 * the running demo pipeline answers, through its HTTP API, every expression of the alert rules (the part left of
 * the comparison) and every query of the Grafana dashboard with data; its rule groups load without errors. A
 * renamed or missing metric fails this test.
 */
@Timeout(300)
class PrometheusRulesIT {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Pattern COMPARISON = Pattern.compile(
            "^(.*?)\\s*(>=|<=|==|!=|>|<)\\s*-?[0-9.]+(?:[eE][+-]?[0-9]+)?\\s*$", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path tmp;

    @Test
    void promtoolAcceptsTheScrapeConfigAndTheRules() throws Exception {
        assertEquals(0, run(List.of(PROMTOOL.toString(), "check", "config",
                RepoFiles.ops("prometheus/prometheus.yml").toString())));
        assertEquals(0, run(List.of(PROMTOOL.toString(), "check", "rules",
                RepoFiles.ops("prometheus/alerts.yml").toString())));
    }

    @Test
    void everyAlertAndDashboardExpressionReturnsDataFromTheRunningDemo() throws Exception {
        final Map<String, String> expressions = expressions();
        assertTrue(expressions.size() >= 15, "alerts and panels: " + expressions.keySet());
        try (DemoPipeline demo = DemoPipeline.start("prometheus-it", 2, 4.0, tmp.resolve("state"))) {
            final int port = freePort();
            final Path config = prometheusConfig(demo.baseUrl().replace("http://", ""));
            final Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn").redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
            try {
                final PrometheusApi api = new PrometheusApi("http://127.0.0.1:" + port);
                api.awaitReady(Duration.ofSeconds(60));
                final List<String> missing = new ArrayList<>(expressions.keySet());
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!missing.isEmpty() && System.nanoTime() < deadline) {
                    missing.removeIf(name -> api.hasFiniteData(expressions.get(name)));
                    if (!missing.isEmpty()) {
                        Thread.sleep(1_000);
                    }
                }
                final StringBuilder report = new StringBuilder();
                for (final String name : missing) {
                    report.append('\n').append(name).append(": ").append(expressions.get(name)).append(" -> ")
                            .append(api.query(expressions.get(name)));
                }
                assertTrue(missing.isEmpty(), "expressions without data:" + report + "\nprometheus log:\n"
                        + Files.readString(tmp.resolve("prometheus.log")));
                final JsonNode groups = api.get("/api/v1/rules").path("data").path("groups");
                int rules = 0;
                for (final JsonNode group : groups) {
                    for (final JsonNode rule : group.path("rules")) {
                        assertEquals("ok", rule.path("health").asText(), rule.toString());
                        rules++;
                    }
                }
                assertEquals(alertNames().size(), rules, "every alert rule is loaded and evaluated");
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    /** Name of each check: the alert's LHS, and each Grafana target ($__rate_interval as 30s). */
    private static Map<String, String> expressions() throws IOException {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final JsonNode group : YAML.readTree(RepoFiles.ops("prometheus/alerts.yml").toFile()).path("groups")) {
            for (final JsonNode rule : group.path("rules")) {
                final String expr = rule.path("expr").asText().trim();
                final Matcher m = COMPARISON.matcher(expr);
                assertTrue(m.matches(), "alert " + rule.path("alert").asText() + " is not '<expression> <op> <number>'");
                out.put("alert " + rule.path("alert").asText(), m.group(1));
            }
        }
        final JsonNode dashboard = JSON.readTree(RepoFiles.ops("grafana/dashboards/egostream.json").toFile());
        for (final JsonNode panel : dashboard.path("panels")) {
            for (final JsonNode target : panel.path("targets")) {
                out.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText().replace("$__rate_interval", "30s"));
            }
        }
        assertFalse(out.containsValue(""), "an empty expression: " + out);
        return out;
    }

    private static List<String> alertNames() throws IOException {
        final List<String> names = new ArrayList<>();
        for (final JsonNode group : YAML.readTree(RepoFiles.ops("prometheus/alerts.yml").toFile()).path("groups")) {
            for (final JsonNode rule : group.path("rules")) {
                names.add(rule.path("alert").asText());
            }
        }
        return names;
    }

    /** The repository's prometheus.yml with a 1 s interval, the demo as its only target, the rules by path. */
    private Path prometheusConfig(final String target) throws IOException, InterruptedException {
        final ObjectNode config = (ObjectNode) YAML.readTree(RepoFiles.ops("prometheus/prometheus.yml").toFile());
        ((ObjectNode) config.path("global")).put("scrape_interval", "1s").put("evaluation_interval", "1s");
        final ArrayNode rules = config.putArray("rule_files");
        rules.add(RepoFiles.ops("prometheus/alerts.yml").toString());
        final ObjectNode job = (ObjectNode) config.path("scrape_configs").get(0);
        assertEquals("egostream-analyzer", job.path("job_name").asText());
        final ArrayNode targets = ((ObjectNode) job.path("static_configs").get(0)).putArray("targets");
        targets.add(target);
        final Path file = tmp.resolve("prometheus.yml");
        YAML.writeValue(file.toFile(), config);
        assertEquals(0, run(List.of(PROMTOOL.toString(), "check", "config", "--syntax-only", file.toString())));
        return file;
    }

    private int run(final List<String> command) throws IOException, InterruptedException {
        final Path log = Files.createTempFile(tmp, "promtool", ".log");
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ":\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The bits of Prometheus' HTTP API the test uses. */
    private record PrometheusApi(String base) {

        JsonNode get(final String pathAndQuery) throws IOException, InterruptedException {
            final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }

        void awaitReady(final Duration timeout) throws InterruptedException {
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/-/ready")).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("Prometheus at " + base + " not ready after " + timeout);
        }

        JsonNode query(final String expr) {
            try {
                return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return JSON.getNodeFactory().textNode(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return JSON.getNodeFactory().textNode(e.toString());
            }
        }

        /** Whether the instant query succeeds with at least one series holding a finite value. */
        boolean hasFiniteData(final String expr) {
            final JsonNode answer = query(expr);
            if (!"success".equals(answer.path("status").asText())) {
                throw new AssertionError("Prometheus refused " + expr + ": " + answer);
            }
            for (final JsonNode series : answer.path("data").path("result")) {
                final String value = series.path("value").path(1).asText();
                if (!value.equals("NaN") && !value.contains("Inf")) {
                    return true;
                }
            }
            return false;
        }
    }
}
