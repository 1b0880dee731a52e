package io.egostream.stream.http;

import io.egostream.model.domain.CameraIds;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's HTTP API (JSON; errors as {@link ApiErrors} says):
 *
 * <pre>
 * GET /api/cameras                          every camera of every instance ({@link CameraList})
 * GET /api/cameras/{id}                     one camera ({@link CameraView}); 404 when no instance knows it
 * GET /api/cameras/{id}/events?since=&amp;task=&amp;limit=
 *                                           its recent events ({@link EventQuery}), oldest emitted first
 * GET /api/stream?camera=&amp;task=             live events as Server-Sent Events ({@link EventStreamHandler})
 * GET /api/system                           the system panel over every instance
 * GET /api/internal/...                     the same from this instance's own stores (instances ask each other)
 * </pre>
 */
public final class ApiRoutes {

    private final CameraDirectory cluster;
    private final CameraDirectory local;
    private final SystemSource system;
    private final EventStreamHandler stream;

    /**
     * @param cluster every instance's cameras
     * @param local this instance's cameras
     * @param system the system panel's numbers
     * @param stream the push channel
     */
    public ApiRoutes(final CameraDirectory cluster, final CameraDirectory local, final SystemSource system,
            final EventStreamHandler stream) {
        this.cluster = cluster;
        this.local = local;
        this.system = system;
        this.stream = stream;
    }

    /**
     * Adds the routes.
     *
     * @param router the server's router
     */
    public void mount(final Router router) {
        router.get("/api/cameras").handler(ctx -> respond(ctx, cluster.cameras().map(ApiJson::write)));
        router.get("/api/cameras/:id").handler(ctx -> camera(ctx, cluster));
        router.get("/api/cameras/:id/events").handler(ctx -> events(ctx, cluster));
        router.get("/api/stream").handler(stream::handle);
        router.get("/api/system").handler(ctx -> respond(ctx, system.cluster().map(ApiJson::write)));
        final String internal = ClusterCameraDirectory.INTERNAL;
        router.get(internal + "/cameras").handler(ctx -> respond(ctx, local.cameras().map(ApiJson::write)));
        router.get(internal + "/cameras/:id").handler(ctx -> camera(ctx, local));
        router.get(internal + "/cameras/:id/events").handler(ctx -> events(ctx, local));
        router.get(internal + "/system").handler(ctx -> ApiErrors.ok(ctx, ApiJson.write(system.local())));
        router.route("/api/*").handler(ApiErrors::notFound);
    }

    private static void camera(final RoutingContext ctx, final CameraDirectory directory) {
        final String id = cameraId(ctx);
        if (id == null) {
            return;
        }
        directory.camera(id).onComplete(done -> {
            if (done.failed()) {
                ApiErrors.fail(ctx, done.cause());
            } else if (done.result().isEmpty()) {
                ApiErrors.unknownCamera(ctx, id);
            } else {
                ApiErrors.ok(ctx, ApiJson.write(done.result().get()));
            }
        });
    }

    private static void events(final RoutingContext ctx, final CameraDirectory directory) {
        final String id = cameraId(ctx);
        if (id == null) {
            return;
        }
        final EventQuery query;
        try {
            query = EventQuery.parse(ctx.queryParams()::get);
        } catch (BadParameterException e) {
            ApiErrors.fail(ctx, e);
            return;
        }
        directory.events(id, query).onComplete(done -> {
            if (done.failed()) {
                ApiErrors.fail(ctx, done.cause());
                return;
            }
            final Optional<List<String>> events = done.result();
            if (events.isEmpty()) {
                ApiErrors.unknownCamera(ctx, id);
            } else {
                ApiErrors.ok(ctx, ApiJson.events(id, events.get()));
            }
        });
    }

    /** The {@code id} path parameter, or null after answering 400 when it is not a camera id. */
    private static String cameraId(final RoutingContext ctx) {
        final String id = ctx.pathParam("id");
        final Optional<String> problem = CameraIds.problem(id);
        if (problem.isPresent()) {
            ApiErrors.fail(ctx, new BadParameterException("id", "id: " + problem.get()));
            return null;
        }
        return id;
    }

    private static void respond(final RoutingContext ctx, final Future<String> json) {
        json.onComplete(done -> {
            if (done.failed()) {
                ApiErrors.fail(ctx, done.cause());
            } else {
                ApiErrors.ok(ctx, done.result());
            }
        });
    }
}
