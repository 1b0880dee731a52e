package io.egostream.cli.videotext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.config.ConfigOption;
import io.egostream.config.ConfigException;
import io.egostream.config.EgoStreamConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code egostream search "cut onion" [--camera ID]}: asks a running analyzer ({@code GET /api/search}, which
 * searches every instance's cameras) and prints the best moments, one per line, or the JSON answer.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search the cameras' recent video in words (asks a running analyzer's /api/search).")
public final class SearchCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin ConfigOption config;

    @Parameters(index = "0", paramLabel = "TEXT", description = "What to look for, e.g. \"cut onion\".")
    String text;

    @Option(names = "--camera", paramLabel = "ID", description = "Only this camera.")
    String camera;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "segment",
            description = "segment (a few seconds) or window (about a minute) (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = {"-k", "--results"}, paramLabel = "K", defaultValue = "10",
            description = "Results to show (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only spans ending at or after TIME: ms since the epoch or an ISO-8601 instant.")
    String since;

    @Option(names = "--url", paramLabel = "URL",
            description = "The analyzer's HTTP address (default: http://http.host:http.port of the configuration).")
    String url;

    @Option(names = "--json", description = "Print the analyzer's JSON answer unchanged.")
    boolean json;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final String base;
        try {
            base = url != null ? url.replaceAll("/+$", "") : defaultUrl(config.load(System.getenv()));
        } catch (ConfigException e) {
            err.println("egostream search: " + e.getMessage());
            return 2;
        }
        final StringBuilder query = new StringBuilder("q=").append(encode(text)).append("&level=").append(encode(level))
                .append("&k=").append(k);
        if (camera != null) {
            query.append("&camera=").append(encode(camera));
        }
        if (since != null) {
            query.append("&since=").append(encode(since));
        }
        final URI uri;
        try {
            uri = URI.create(base + "/api/search?" + query);
        } catch (IllegalArgumentException e) {
            err.println("egostream search: --url " + base + " is not a valid URL: " + e.getMessage());
            return 2;
        }
        final HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("egostream search: no analyzer answers at " + base + " (start one with egostream demo or "
                    + "egostream run, or give --url)");
            return 1;
        } catch (IOException e) {
            err.println("egostream search: asking " + base + " failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (r.statusCode() != 200) {
            err.println("egostream search: " + errorOf(r.body(), r.statusCode()));
            return r.statusCode() == 400 ? 2 : 1;
        }
        if (json) {
            out.print(r.body());
            return 0;
        }
        try {
            print(out, new ObjectMapper().readTree(r.body()));
        } catch (JsonProcessingException e) {
            err.println("egostream search: the analyzer's answer is not JSON: " + e.getOriginalMessage());
            return 1;
        }
        return 0;
    }

    private static void print(final PrintWriter out, final JsonNode body) {
        final JsonNode results = body.path("results");
        final JsonNode instances = body.path("instances");
        out.printf(Locale.ROOT, "%d result(s) for \"%s\" (%s level, model %s, %d instance(s) asked%s)%n",
                results.size(), body.path("query").path("q").asText(), body.path("query").path("level").asText(),
                body.path("model").asText(), instances.path("asked").asInt(),
                body.path("complete").asBoolean() ? "" : ", " + instances.path("failed").size() + " did not answer");
        int rank = 1;
        for (final JsonNode r : results) {
            final JsonNode t = r.path("time");
            out.printf(Locale.ROOT, "%3d  %.3f  %-12s session %d  %8.1f-%-8.1f s  %s .. %s  %s%n", rank++,
                    r.path("score").asDouble(), r.path("camera").asText(), r.path("sessionId").asLong(),
                    t.path("startSeconds").asDouble(), t.path("endSeconds").asDouble(),
                    Instant.ofEpochMilli(t.path("startCaptureTimeMs").asLong()),
                    Instant.ofEpochMilli(t.path("endCaptureTimeMs").asLong()),
                    r.path("final").asBoolean() ? "final" : "provisional");
        }
        for (final JsonNode f : instances.path("failed")) {
            out.println("  not answered: " + f.asText());
        }
    }

    private static String errorOf(final String body, final int status) {
        try {
            final JsonNode n = new ObjectMapper().readTree(body);
            if (n != null && n.has("error")) {
                return n.get("error").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: show it as it is
        }
        return "HTTP " + status + ": " + body.strip();
    }

    private static String defaultUrl(final EgoStreamConfig cfg) {
        final String host = "0.0.0.0".equals(cfg.http().host()) ? "localhost" : cfg.http().host();
        return "http://" + host + ":" + cfg.http().port();
    }

    private static String encode(final String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
