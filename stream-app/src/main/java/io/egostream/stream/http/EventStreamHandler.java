package io.egostream.stream.http;

import io.egostream.model.domain.CameraIds;
import io.egostream.model.domain.Task;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/stream?camera=&task=}: the live push channel as Server-Sent Events. Each committed event of the
 * chosen cameras ({@code camera} repeated or comma-separated; default every camera) and tasks (default every task) is one SSE message
 * {@code event: analyzer-event} whose {@code data} is the event's JSON; a comment line every
 * {@value #HEARTBEAT_MS} ms keeps proxies from closing an idle stream. A named camera no instance knows gets 404
 * before the stream starts. A client that reads too slowly misses events (its write queue is full), and is told so
 * by a {@code : dropped N} comment.
 */
public final class EventStreamHandler {

    /** Milliseconds between two keep-alive comments. */
    public static final long HEARTBEAT_MS = 15_000;

    private final CameraDirectory cameras;

    /**
     * @param cameras checks that named cameras exist
     */
    public EventStreamHandler(final CameraDirectory cameras) {
        this.cameras = cameras;
    }

    /**
     * Handles one subscription.
     *
     * @param ctx the request
     */
    public void handle(final RoutingContext ctx) {
        final Set<String> cameraFilter;
        final Set<Task> taskFilter;
        try {
            cameraFilter = parseCameras(ctx.queryParams());
            taskFilter = Set.copyOf(EventQuery.parseTasks(ctx.queryParams().get("task")));
        } catch (BadParameterException e) {
            ApiErrors.fail(ctx, e);
            return;
        }
        final List<Future<Optional<CameraView>>> checks = new ArrayList<>();
        final List<String> named = new ArrayList<>(cameraFilter);
        for (final String camera : named) {
            checks.add(cameras.camera(camera));
        }
        Future.all(checks).onComplete(done -> {
            if (done.failed()) {
                ApiErrors.fail(ctx, done.cause());
                return;
            }
            for (int i = 0; i < named.size(); i++) {
                if (checks.get(i).result().isEmpty()) {
                    ApiErrors.unknownCamera(ctx, named.get(i));
                    return;
                }
            }
            subscribe(ctx, cameraFilter, taskFilter);
        });
    }

    private static void subscribe(final RoutingContext ctx, final Set<String> cameraFilter,
            final Set<Task> taskFilter) {
        final HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        response.write("retry: 2000\n: subscribed\n\n");
        final long[] dropped = {0};
        final MessageConsumer<String> consumer = ctx.vertx().eventBus().localConsumer(EventFeed.ADDRESS, msg -> {
            final String camera = msg.headers().get("camera");
            final String task = msg.headers().get("task");
            if ((!cameraFilter.isEmpty() && !cameraFilter.contains(camera))
                    || !taskFilter.contains(Task.valueOf(task))) {
                return;
            }
            if (response.writeQueueFull()) {
                dropped[0]++;
                return;
            }
            if (dropped[0] > 0) {
                response.write(": dropped " + dropped[0] + "\n\n");
                dropped[0] = 0;
            }
            response.write("event: analyzer-event\ndata: " + msg.body() + "\n\n");
        });
        final long timer = ctx.vertx().setPeriodic(HEARTBEAT_MS, id -> {
            if (!response.writeQueueFull()) {
                response.write(": keep-alive\n\n");
            }
        });
        response.closeHandler(v -> {
            consumer.unregister();
            ctx.vertx().cancelTimer(timer);
        });
    }

    private static Set<String> parseCameras(final MultiMap params) {
        final Set<String> cameras = new LinkedHashSet<>();
        for (final String value : params.getAll("camera")) {
            for (final String id : value.split(",", -1)) {
                final Optional<String> problem = CameraIds.problem(id);
                if (problem.isPresent()) {
                    throw new BadParameterException("camera", "camera: " + problem.get());
                }
                cameras.add(id);
            }
        }
        return cameras;
    }
}
