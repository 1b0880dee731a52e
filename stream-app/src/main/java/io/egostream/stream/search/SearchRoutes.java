package io.egostream.stream.search;

import io.egostream.model.videotext.SearchHit;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/search?q=...&camera=...&since=...&level=segment|window&k=...}: the HTTP face of
 * {@link SearchFanOut}. 200 with
 * <pre>
 * {"query": {"q": "cut onion", "camera": null, "since": null, "level": "segment", "k": 10},
 *  "model": "egostream-video-text-both",
 *  "instances": {"asked": 2, "failed": []}, "complete": true,
 *  "results": [ ...{@link SearchJson#result}... ]}
 * </pre>
 * 400 with {@code {"error": "..."}} naming the bad parameter (empty or oversized {@code q}, bad {@code k},
 * {@code level}, {@code since}); 503 when the asked camera's partition is between instances. The search runs on
 * a worker thread, never on the event loop.
 */
public final class SearchRoutes {

    /** The route. */
    public static final String PATH = "/api/search";

    private final LiveSearch search;
    private final SearchFanOut fanOut;

    /**
     * @param search this instance's search
     * @param fanOut the search across instances
     */
    public SearchRoutes(final LiveSearch search, final SearchFanOut fanOut) {
        this.search = search;
        this.fanOut = fanOut;
    }

    /**
     * Adds the route.
     *
     * @param vertx the Vert.x instance (its worker pool runs the searches)
     * @param router the router
     */
    public void register(final Vertx vertx, final Router router) {
        router.get(PATH).handler(ctx -> handle(vertx, ctx));
    }

    private void handle(final Vertx vertx, final RoutingContext ctx) {
        final SearchParameters p;
        try {
            p = SearchParameters.parse(ctx.request()::getParam, search.config().maxQueryChars(),
                    search.config().maxResults());
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> fanOut.search(p), false).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(SearchJson.write(body(p, ar.result())) + "\n");
            } else if (ar.cause() instanceof SearchFanOut.CameraUnavailableException u) {
                error(ctx, 503, u.getMessage());
            } else {
                error(ctx, 500, "search failed: " + ar.cause());
            }
        });
    }

    private Map<String, Object> body(final SearchParameters p, final SearchOutcome o) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", p.echo());
        m.put("model", search.modelId());
        final Map<String, Object> instances = new LinkedHashMap<>();
        instances.put("asked", o.asked());
        instances.put("failed", o.failed());
        m.put("instances", instances);
        m.put("complete", o.complete());
        final List<Map<String, Object>> results = new ArrayList<>();
        for (final SearchHit h : o.results()) {
            results.add(SearchJson.result(h));
        }
        m.put("results", results);
        return m;
    }

    private static void error(final RoutingContext ctx, final int status, final String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(SearchJson.write(Map.of("error", message)) + "\n");
    }
}
