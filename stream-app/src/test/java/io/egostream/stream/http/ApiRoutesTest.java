package io.egostream.stream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.egostream.stream.dashboard.HistogramWindow;
import io.egostream.stream.dashboard.SystemView;
import io.egostream.stream.dashboard.SystemWindow;
import io.egostream.stream.dashboard.TestEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ApiRoutesTest {

    private final FakeCameraDirectory directory = new FakeCameraDirectory();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start(final Vertx vertx, final VertxTestContext ctx) {
        final long t = TestEvents.T0;
        directory.add("cam-1", List.of(
                TestEvents.event("cam-1", Task.AR, EventStatus.FINAL, 0, 15, t + 1),
                TestEvents.event("cam-1", Task.MQ, EventStatus.PROVISIONAL, 2, 9, t + 2),
                TestEvents.event("cam-1", Task.PNR, EventStatus.FINAL, 4, 19, t + 3)));
        directory.add("cam 2/b", List.of());
        final SystemSource system = new SystemSource() {
            @Override
            public SystemWindow local() {
                return window();
            }

            @Override
            public Future<SystemView> cluster() {
                return Future.succeededFuture(SystemView.of(window(), List.of("other:1")));
            }
        };
        final Router router = Router.router(vertx);
        new ApiRoutes(directory, directory, system, new EventStreamHandler(directory)).mount(router);
        client = vertx.createHttpClient();
        vertx.createHttpServer().requestHandler(router).listen(0).onComplete(ctx.succeeding(s -> {
            server = s;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void stop(final VertxTestContext ctx) {
        server.close().onComplete(ctx.succeedingThenComplete());
    }

    private static SystemWindow window() {
        final HistogramWindow latency = new HistogramWindow(List.of(0.1, 0.2), List.of(3L, 1L, 0L), 0.45, 4);
        return new SystemWindow(10, 1, 50, Map.of("AR", 5L), Map.of("BAD_MAGIC", 2L), Map.of("BAD_MAGIC", 7L),
                HistogramWindow.empty(), latency, latency, 12, Map.of("active", 2L), Map.of("RUNNING", 1L), 0);
    }

    private Future<Answer> get(final String uri) {
        return client.request(HttpMethod.GET, server.actualPort(), "localhost", uri)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> new Answer(resp.statusCode(),
                        resp.getHeader("Content-Type"), body.toString())));
    }

    private record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    @Test
    void shouldListCamerasAsJson(final VertxTestContext ctx) {
        get("/api/cameras").onComplete(ctx.succeeding(a -> ctx.verify(() -> {
            assertEquals(200, a.status());
            assertEquals("application/json", a.contentType());
            final JsonArray cameras = a.json().getJsonArray("cameras");
            assertEquals(2, cameras.size());
            assertEquals("cam-1", cameras.getJsonObject(0).getString("cameraId"));
            assertEquals("active", cameras.getJsonObject(0).getString("status"));
            assertEquals(1.875, cameras.getJsonObject(0).getDouble("framesPerSecond"));
            ctx.completeNow();
        })));
    }

    @Test
    void shouldReturnOneCameraAndUrlDecodeItsId(final VertxTestContext ctx) {
        get("/api/cameras/cam%202%2Fb").onComplete(ctx.succeeding(a -> ctx.verify(() -> {
            assertEquals(200, a.status(), a.body());
            assertEquals("cam 2/b", a.json().getString("cameraId"));
            ctx.completeNow();
        })));
    }

    @Test
    void shouldFilterEventsBySinceAndTask(final VertxTestContext ctx) {
        final long t = TestEvents.T0;
        get("/api/cameras/cam-1/events?since=" + (t + 1) + "&task=mq,PNR").onComplete(ctx.succeeding(a ->
                ctx.verify(() -> {
                    assertEquals(200, a.status(), a.body());
                    final JsonObject body = a.json();
                    assertEquals("cam-1", body.getString("cameraId"));
                    final JsonArray events = body.getJsonArray("events");
                    assertEquals(2, events.size());
                    assertEquals("MQ", events.getJsonObject(0).getString("task"));
                    assertEquals("provisional", events.getJsonObject(0).getString("status"));
                    assertEquals("PNR", events.getJsonObject(1).getString("task"));
                    ctx.completeNow();
                })));
    }

    @Test
    void badParametersGet400NamingTheParameter(final VertxTestContext ctx) {
        final Map<String, String> cases = Map.of(
                "/api/cameras/cam-1/events?since=yesterday", "since",
                "/api/cameras/cam-1/events?since=-4", "since",
                "/api/cameras/cam-1/events?task=AR,XYZ", "task",
                "/api/cameras/cam-1/events?limit=0", "limit",
                "/api/cameras/cam-1/events?limit=1e3", "limit",
                "/api/stream?task=nope", "task",
                "/api/stream?camera=", "camera");
        final List<Future<Void>> checks = new ArrayList<>();
        cases.forEach((uri, parameter) -> checks.add(get(uri).map(a -> {
            assertEquals(400, a.status(), uri);
            assertEquals("application/json", a.contentType());
            assertEquals("bad_parameter", a.json().getString("error"), uri);
            assertEquals(parameter, a.json().getString("parameter"), uri);
            assertTrue(a.json().getString("message").startsWith(parameter), a.body());
            return null;
        })));
        Future.all(checks).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void unknownCamerasGet404(final VertxTestContext ctx) {
        final List<String> uris = List.of("/api/cameras/cam-9", "/api/cameras/cam-9/events",
                "/api/stream?camera=cam-1,cam-9");
        final List<Future<Void>> checks = new ArrayList<>();
        uris.forEach(uri -> checks.add(get(uri).map(a -> {
            assertEquals(404, a.status(), uri);
            assertEquals("unknown_camera", a.json().getString("error"));
            assertEquals("cam-9", a.json().getString("camera"));
            return null;
        })));
        Future.all(checks).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void unknownApiPathsGet404AndUnavailableStoresGet503(final VertxTestContext ctx) {
        get("/api/nothing").compose(a -> {
            ctx.verify(() -> {
                assertEquals(404, a.status());
                assertEquals("not_found", a.json().getString("error"));
            });
            directory.unavailable = true;
            return get("/api/cameras");
        }).onComplete(ctx.succeeding(a -> ctx.verify(() -> {
            assertEquals(503, a.status());
            assertEquals("unavailable", a.json().getString("error"));
            ctx.completeNow();
        })));
    }

    @Test
    void shouldServeTheSystemViewAndTheLocalWindow(final VertxTestContext ctx) {
        get("/api/system").compose(a -> {
            ctx.verify(() -> {
                assertEquals(200, a.status(), a.body());
                final JsonObject v = a.json();
                assertEquals(5.0, v.getDouble("framesInPerSecond"));
                assertEquals(0.5, v.getJsonObject("eventsOutPerSecond").getDouble("AR"));
                assertEquals(0.2, v.getJsonObject("deadLettersPerSecond").getDouble("BAD_MAGIC"));
                assertEquals(0.1 * 2 / 3, v.getJsonObject("endToEndLatencySeconds").getDouble("p50"), 1e-12);
                assertEquals(null, v.getJsonObject("batchFrames").getValue("p50"), "no observation: null");
                assertEquals("other:1", v.getJsonArray("unreachable").getString(0));
            });
            return get("/api/internal/system");
        }).onComplete(ctx.succeeding(a -> ctx.verify(() -> {
            assertEquals(window(), ApiJson.read(a.body(), SystemWindow.class), "the window survives JSON");
            ctx.completeNow();
        })));
    }

    @Test
    void theStreamPushesOnlyTheChosenCamerasAndTasks(final Vertx vertx, final VertxTestContext ctx) {
        final StringBuilder received = new StringBuilder();
        client.request(HttpMethod.GET, server.actualPort(), "localhost", "/api/stream?camera=cam-1&task=MQ")
                .compose(req -> req.send())
                .onComplete(ctx.succeeding((HttpClientResponse resp) -> {
                    ctx.verify(() -> assertEquals("text/event-stream; charset=utf-8",
                            resp.getHeader("Content-Type")));
                    resp.handler((Buffer chunk) -> {
                        received.append(chunk.toString());
                        if (received.toString().contains("\"task\":\"MQ\"")) {
                            ctx.verify(() -> {
                                final String text = received.toString();
                                assertTrue(text.startsWith("retry: 2000\n"), text);
                                assertTrue(text.contains("event: analyzer-event\ndata: {\"cameraId\":\"cam-1\""),
                                        text);
                                assertTrue(!text.contains("\"task\":\"AR\"") && !text.contains("cam-2"), text);
                            });
                            ctx.completeNow();
                        }
                    });
                    vertx.setTimer(200, id -> {
                        publish(vertx, "cam-2", "MQ", "{\"cameraId\":\"cam-2\",\"task\":\"MQ\"}");
                        publish(vertx, "cam-1", "AR", "{\"cameraId\":\"cam-1\",\"task\":\"AR\"}");
                        publish(vertx, "cam-1", "MQ", "{\"cameraId\":\"cam-1\",\"task\":\"MQ\"}");
                    });
                }));
        try {
            assertTrue(ctx.awaitCompletion(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void publish(final Vertx vertx, final String camera, final String task, final String json) {
        vertx.eventBus().publish(EventFeed.ADDRESS, json, new DeliveryOptions().addHeader("camera", camera)
                .addHeader("task", task).addHeader("status", "FINAL"));
    }
}
