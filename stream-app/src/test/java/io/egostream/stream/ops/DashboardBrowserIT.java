package io.egostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live dashboard in a real browser on the demo pipeline (embedded broker, simulated cameras, analyzer): camera
 * rows appear and update, the selected camera's timeline fills with events of every lane and keeps growing, a
 * provisional moment turns final in place (the same timeline item), the system panel shows traffic; the HTTP API
 * answers on the same stack (404, 400, live push). Saves a screenshot to
 * {@code target/dashboard-it/dashboard.png}.
 */
@Timeout(400)
class DashboardBrowserIT {

    private static final int CAMERAS = 3;
    private static final Duration WAIT = Duration.ofSeconds(150);

    @TempDir
    private static Path stateDir;
    @TempDir
    private static Path profile;
    private static DemoPipeline pipeline;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws InterruptedException {
        pipeline = DemoPipeline.start("dashboard-it", CAMERAS, 4.0, stateDir);
        browser = HeadlessChromium.start(profile, 1500, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void cameraRowsAndTimelineEventsAppearAndUpdate() throws Exception {
        browser.get(pipeline.baseUrl() + "/");
        final WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));

        wait.until(b -> b.findElements(By.cssSelector("#camera-table tbody tr[data-camera]")).size() == CAMERAS);
        final WebElement first = browser.findElement(By.cssSelector("#camera-table tbody tr[data-camera='cam-1']"));
        final long framesBefore = Long.parseLong(first.findElement(By.cssSelector("td.frames")).getText());
        wait.until(b -> Long.parseLong(b.findElement(By.cssSelector(
                "#camera-table tr[data-camera='cam-1'] td.frames")).getText()) > framesBefore);
        assertEquals("active", first.findElement(By.cssSelector("td.status")).getAttribute("data-status"));

        final String selected = wait.until(b -> {
            final String text = b.findElement(By.id("selected-camera")).getText();
            return text.startsWith("cam-") ? text : null;
        });
        for (final String task : List.of("AR", "OSCC", "PNR", "MQ")) {
            wait.until(b -> !b.findElements(By.cssSelector("#timeline-svg g.item[data-task='" + task + "']"))
                    .isEmpty());
        }
        wait.until(b -> !b.findElements(By.cssSelector("#anticipations li")).isEmpty());
        wait.until(b -> !b.findElements(By.cssSelector("#camera-table tr[data-camera='" + selected
                + "'] td.last-event[data-status='final']")).isEmpty());
        final Set<String> seen = uids();
        wait.until(b -> !seen.containsAll(uids()));

        final String[] provisional = {null};
        wait.until(b -> {
            final Set<String> now = uids();
            if (provisional[0] != null && now.contains(provisional[0] + "/final")) {
                return true;
            }
            if (provisional[0] == null || !now.contains(provisional[0] + "/provisional")) {
                // none chosen yet, or it left the timeline (trimmed, or its session's timeline moved on): another
                provisional[0] = firstProvisionalMoment();
            }
            return false;
        });

        wait.until(b -> Double.parseDouble(b.findElement(By.id("sys-frames-in")).getText()) > 0);
        wait.until(b -> b.findElement(By.id("sys-cameras")).getText().startsWith(CAMERAS + " / "));
        screenshot();
    }

    /**
     * The page's own replacement rule (timeline-rule.js, run by the browser): a final moment takes the place (the
     * uid) of the provisional moment of its class it overlaps; another class, a later span or a provisional event
     * after a final one change nothing.
     */
    @Test
    void aProvisionalMomentTurnsFinalInPlaceByThePagesRule() {
        browser.get(pipeline.baseUrl() + "/");
        final Object result = browser.executeScript(String.join("\n",
                "function m(status, start, end, cls) { return {cameraId: 'c', sessionId: 0, task: 'MQ', status: status,",
                "  frames: {first: start * 2, last: end * 2}, time: {startSeconds: start, endSeconds: end},",
                "  labels: [{head: 'moment', label: 'm' + cls, id: cls, score: 0.3}], future: [], keyframe: null,",
                "  emittedAtMs: 1}; }",
                "const t = new TimelineRule.Timeline(40);",
                "const p = t.apply(m('provisional', 10, 20, 7));",
                "const other = t.apply(m('provisional', 10, 20, 8));",
                "const later = t.apply(m('provisional', 40, 50, 7));",
                "const f = t.apply(m('final', 12, 24, 7));",
                "const back = t.apply(m('provisional', 12, 24, 7));",
                "return [p.uid === f.uid, f.event.status, t.items.length, other.uid !== f.uid,",
                "  t.items.indexOf(later) >= 0, back === null];"));
        assertEquals(List.of(true, "final", 3L, true, true, true), result);
    }

    @Test
    void theApiAnswersOnTheRunningStack() throws Exception {
        final HttpClient http = HttpClient.newHttpClient();
        final HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(pipeline.baseUrl()
                + "/api/cameras/cam-99/events")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"camera\":\"cam-99\""), unknown.body());
        final HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(pipeline.baseUrl()
                + "/api/cameras/cam-1/events?task=AR,BOGUS")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"parameter\":\"task\""), bad.body());

        final HttpResponse<InputStream> live = http.send(HttpRequest.newBuilder(URI.create(pipeline.baseUrl()
                + "/api/stream?camera=cam-2&task=AR")).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, live.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("data: ")) {
                assertTrue(line.isEmpty() || line.startsWith(":") || line.startsWith("retry:")
                        || line.equals("event: analyzer-event"), line);
            }
            assertTrue(line != null && line.contains("\"cameraId\":\"cam-2\"") && line.contains("\"task\":\"AR\""),
                    String.valueOf(line));
        }
        final HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(pipeline.baseUrl()
                + "/api/cameras/cam-2/events?task=AR&limit=3")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, events.statusCode(), events.body());
        assertTrue(events.body().startsWith("{\"cameraId\":\"cam-2\",\"events\":[{"), events.body());
    }

    /** The uid of a provisional moment on the timeline, or null. */
    private static String firstProvisionalMoment() {
        return (String) browser.executeScript("const p = document.querySelector("
                + "'#timeline-svg g.item[data-task=\"MQ\"][data-status=\"provisional\"]');"
                + " return p ? p.getAttribute('data-uid') : null;");
    }

    /** Each timeline item as uid/status, read in one script call (the timeline redraws its nodes). */
    private static Set<String> uids() {
        final Object items = browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#timeline-svg g.item')).map(g => g.getAttribute('data-uid') + '/' + g.getAttribute('data-status'));");
        final Set<String> uids = new HashSet<>();
        for (final Object item : (List<?>) items) {
            uids.add(String.valueOf(item));
        }
        return uids;
    }

    private static void screenshot() throws Exception {
        final Path dir = Path.of("target", "dashboard-it");
        Files.createDirectories(dir);
        final Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
