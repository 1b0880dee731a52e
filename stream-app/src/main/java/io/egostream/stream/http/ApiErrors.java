package io.egostream.stream.http;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one table from failure to HTTP status, each answered as JSON {@code {"error": ..., "message": ...}}:
 *
 * <pre>
 * BadParameterException   400  {"error": "bad_parameter", "parameter": "since", "message": "..."}
 * unknown camera          404  {"error": "unknown_camera", "camera": "cam-9", "message": "..."}
 * unknown /api path       404  {"error": "not_found", "message": "..."}
 * UnavailableException    503  {"error": "unavailable", "message": "..."}  (with Retry-After: 1)
 * anything else           500  {"error": "internal", "message": "..."}
 * </pre>
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    /**
     * Answers a failure.
     *
     * @param ctx the request
     * @param failure what went wrong
     */
    public static void fail(final RoutingContext ctx, final Throwable failure) {
        if (failure instanceof BadParameterException bad) {
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "bad_parameter");
            body.put("parameter", bad.parameter());
            body.put("message", bad.getMessage());
            send(ctx, 400, body);
        } else if (failure instanceof UnavailableException) {
            ctx.response().putHeader("Retry-After", "1");
            send(ctx, 503, Map.of("error", "unavailable", "message", failure.getMessage()));
        } else {
            LOG.warn("{} {} failed: {}", ctx.request().method(), ctx.request().uri(), failure.toString(), failure);
            send(ctx, 500, Map.of("error", "internal", "message", String.valueOf(failure.getMessage())));
        }
    }

    /**
     * Answers 404 for a camera no instance knows.
     *
     * @param ctx the request
     * @param cameraId the camera
     */
    public static void unknownCamera(final RoutingContext ctx, final String cameraId) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "unknown_camera");
        body.put("camera", cameraId);
        body.put("message", "no analyzer instance knows camera '" + cameraId + "'");
        send(ctx, 404, body);
    }

    /**
     * Answers 404 for a path the API does not have.
     *
     * @param ctx the request
     */
    public static void notFound(final RoutingContext ctx) {
        send(ctx, 404, Map.of("error", "not_found", "message", "no API resource at " + ctx.request().path()
                + "; see GET /api/cameras, /api/cameras/{id}, /api/cameras/{id}/events, /api/stream, /api/system"));
    }

    /**
     * Answers 200 with a JSON body.
     *
     * @param ctx the request
     * @param json the body
     */
    public static void ok(final RoutingContext ctx, final String json) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(json);
        }
    }

    private static void send(final RoutingContext ctx, final int status, final Map<String, ?> body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(ApiJson.write(body));
        }
    }
}
