package io.egostream.stream.search;

import io.egostream.model.videotext.SearchHit;
import io.egostream.model.videotext.SearchIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A search across the analyzer instances of one Kafka Streams application. Each instance indexes the cameras of
 * the partitions it owns; this one searches its own index and asks the others ({@code GET /api/search} with
 * {@code scope=local} at their {@code application.server}, from {@link SearchPeers}) at the same time, then merges the lists ({@link SearchIndex#merge}). With a
 * camera, only the instance owning the camera's partition is asked. An instance that does not answer within the
 * peer timeout, or answers an error, is reported in {@link SearchOutcome#failed()}; the others' results are still
 * returned.
 */
public final class SearchFanOut {

    private final LiveSearch search;
    private final SearchPeers peers;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param search this instance's search
     * @param peers where the instances are
     * @param client the HTTP client for the other instances
     * @param timeout how long to wait for another instance ({@code search.peer-timeout-ms})
     */
    public SearchFanOut(final LiveSearch search, final SearchPeers peers, final HttpClient client,
            final Duration timeout) {
        this.search = search;
        this.peers = peers;
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Searches.
     *
     * @param p the checked parameters
     * @return the merged results and which instances answered
     * @throws CameraUnavailableException when the camera's partition has no active instance right now (rebalance)
     */
    public SearchOutcome search(final SearchParameters p) {
        if (p.localOnly()) {
            return new SearchOutcome(search.searchLocal(p), 1, List.of());
        }
        final Set<HostInfo> others = others(p);
        final Map<HostInfo, CompletableFuture<HttpResponse<String>>> asked = new LinkedHashMap<>();
        for (final HostInfo h : others) {
            final HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + h.host() + ":" + h.port()
                    + "/api/search?" + p.toLocalQueryString())).timeout(timeout).GET().build();
            asked.put(h, client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        final List<List<SearchHit>> parts = new ArrayList<>();
        final boolean localAsked = p.cameraId() == null || others.isEmpty();
        if (localAsked) {
            parts.add(search.searchLocal(p));
        }
        final List<String> failed = new ArrayList<>();
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (final Map.Entry<HostInfo, CompletableFuture<HttpResponse<String>>> e : asked.entrySet()) {
            final String who = e.getKey().host() + ":" + e.getKey().port();
            try {
                final HttpResponse<String> r = e.getValue().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                if (r.statusCode() != 200) {
                    failed.add(who + ": HTTP " + r.statusCode() + " " + r.body().strip());
                } else {
                    parts.add(SearchJson.readResults(r.body()));
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failed.add(who + ": interrupted");
            } catch (ExecutionException ex) {
                failed.add(who + ": " + (ex.getCause() == null ? ex : ex.getCause()).toString());
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                failed.add(who + ": no answer within " + timeout.toMillis() + " ms (search.peer-timeout-ms)");
            } catch (IllegalArgumentException ex) {
                failed.add(who + ": " + ex.getMessage());
            }
        }
        return new SearchOutcome(SearchIndex.merge(parts, p.k()), asked.size() + (localAsked ? 1 : 0), failed);
    }

    /** The other instances to ask: the camera's owner, or every instance hosting entries, minus this one. */
    private Set<HostInfo> others(final SearchParameters p) {
        final Set<HostInfo> out = new LinkedHashSet<>();
        final HostInfo me = peers.self().orElse(null);
        if (me == null) {
            return out;
        }
        if (p.cameraId() != null) {
            final HostInfo owner = peers.ownerOf(p.cameraId()).orElseThrow(() -> new CameraUnavailableException(
                    "the partition of camera '" + p.cameraId() + "' has no active analyzer instance right now"
                            + " (rebalancing); try again shortly"));
            if (!owner.equals(me)) {
                out.add(owner);
            }
            return out;
        }
        for (final HostInfo h : peers.all()) {
            if (!h.equals(me)) {
                out.add(h);
            }
        }
        return out;
    }

    /** The asked camera's partition is not served by any instance at the moment (answered with 503). */
    public static final class CameraUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what is unavailable and what to do
         */
        public CameraUnavailableException(final String message) {
            super(message);
        }
    }
}
