package io.egostream.model.videotext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The searchable recent past of many cameras: per camera and level, the entries of the last {@code horizonMs} of
 * capture time (measured back from the newest entry of that camera), at most {@code maxEntriesPerLevel} of them
 * (the oldest go first), so memory is bounded per camera whatever the clocks say. Search scores every entry that
 * passes the request's filters by cosine similarity and keeps the top k.
 *
 * <p>Memory: an entry holds its {@code E}-float embedding plus about {@value #ENTRY_OVERHEAD_BYTES} bytes of object
 * overhead ({@link #estimatedBytes()}); at E = 384 that is about 1.7 KB.
 *
 * <p>Thread-safe: writers (stream threads) and readers (HTTP threads) may run at once; each camera is locked while
 * it is changed or scanned.
 */
public final class SearchIndex {

    /** Estimated heap bytes of an entry besides its embedding's floats (objects, map node, array header). */
    public static final int ENTRY_OVERHEAD_BYTES = 200;

    private final int dimension;
    private final long horizonMs;
    private final int maxEntriesPerLevel;
    private final Map<String, CameraHorizon> cameras = new ConcurrentHashMap<>();

    /**
     * An empty index.
     *
     * @param dimension E of every embedding, &gt;= 1
     * @param horizonMs how much capture time each camera keeps, ms, &gt;= 1
     * @param maxEntriesPerLevel most entries per camera and level, &gt;= 1
     */
    public SearchIndex(final int dimension, final long horizonMs, final int maxEntriesPerLevel) {
        if (dimension < 1 || horizonMs < 1 || maxEntriesPerLevel < 1) {
            throw new IllegalArgumentException("search index needs dimension, horizon and entry cap >= 1, got "
                    + dimension + ", " + horizonMs + " ms and " + maxEntriesPerLevel);
        }
        this.dimension = dimension;
        this.horizonMs = horizonMs;
        this.maxEntriesPerLevel = maxEntriesPerLevel;
    }

    /**
     * The embedding dimension.
     *
     * @return E
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The horizon.
     *
     * @return ms of capture time kept per camera
     */
    public long horizonMs() {
        return horizonMs;
    }

    /**
     * Adds an entry, or replaces the entry of the same span, then drops what fell out of the camera's horizon.
     *
     * @param entry the entry; its embedding must have E values
     * @return the entries dropped from the horizon (oldest first), for the caller to delete from durable state
     */
    public List<SearchEntry> put(final SearchEntry entry) {
        if (entry.embedding().length != dimension) {
            throw new IllegalArgumentException("embedding of camera '" + entry.cameraId() + "' has "
                    + entry.embedding().length + " values; the index holds " + dimension);
        }
        return cameras.computeIfAbsent(entry.cameraId(), c -> new CameraHorizon()).put(entry);
    }

    /**
     * Forgets a camera (its partition moved to another instance).
     *
     * @param cameraId the camera
     */
    public void removeCamera(final String cameraId) {
        cameras.remove(cameraId);
    }

    /**
     * Forgets several cameras.
     *
     * @param cameraIds the cameras
     */
    public void removeCameras(final Collection<String> cameraIds) {
        cameraIds.forEach(cameras::remove);
    }

    /**
     * The cameras with entries.
     *
     * @return their ids, sorted
     */
    public Set<String> cameras() {
        return new TreeSet<>(cameras.keySet());
    }

    /**
     * The number of entries.
     *
     * @return entries of every camera and level
     */
    public int size() {
        return cameras.values().stream().mapToInt(CameraHorizon::size).sum();
    }

    /**
     * The entries of one camera.
     *
     * @param cameraId the camera
     * @param level the level
     * @return its entries, oldest first (empty when unknown)
     */
    public List<SearchEntry> entries(final String cameraId, final SearchLevel level) {
        final CameraHorizon h = cameras.get(cameraId);
        return h == null ? List.of() : h.entries(level);
    }

    /**
     * Estimated heap use of the entries.
     *
     * @return {@code size() * (4 E + ENTRY_OVERHEAD_BYTES)} bytes
     */
    public long estimatedBytes() {
        return (long) size() * (4L * dimension + ENTRY_OVERHEAD_BYTES);
    }

    /**
     * The best entries for a query.
     *
     * @param request query embedding, filters and k
     * @return at most k hits, {@link SearchHit#BEST_FIRST}
     */
    public List<SearchHit> search(final SearchRequest request) {
        if (request.query().length != dimension) {
            throw new IllegalArgumentException("query embedding has " + request.query().length
                    + " values; the index holds " + dimension);
        }
        final PriorityQueue<SearchHit> top = new PriorityQueue<>(request.k() + 1, SearchHit.BEST_FIRST.reversed());
        if (request.cameraId() != null) {
            final CameraHorizon h = cameras.get(request.cameraId());
            if (h != null) {
                h.score(request, top);
            }
        } else {
            for (final CameraHorizon h : cameras.values()) {
                h.score(request, top);
            }
        }
        final List<SearchHit> out = new ArrayList<>(top);
        out.sort(SearchHit.BEST_FIRST);
        return out;
    }

    /**
     * Merges the result lists of several searches (e.g. one per instance, each over its own cameras) into the
     * top k, as one search over all their entries would rank them.
     *
     * @param parts result lists
     * @param k most results, &gt;= 1
     * @return at most k hits, best first, without duplicate spans (the better-scored version is kept)
     */
    public static List<SearchHit> merge(final Collection<? extends List<SearchHit>> parts, final int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        final List<SearchHit> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(SearchHit.BEST_FIRST);
        final List<SearchHit> out = new ArrayList<>();
        for (final SearchHit h : all) {
            if (out.size() == k) {
                break;
            }
            if (out.stream().noneMatch(o -> o.entry().sameSpan(h.entry()))) {
                out.add(h);
            }
        }
        return out;
    }

    static double dot(final float[] a, final float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /** The entries of one camera, per level, in insertion order (oldest first). */
    private final class CameraHorizon {
        private final Map<SpanKey, SearchEntry> segments = new LinkedHashMap<>();
        private final Map<SpanKey, SearchEntry> windows = new LinkedHashMap<>();
        private long newestCaptureMs = Long.MIN_VALUE;

        synchronized List<SearchEntry> put(final SearchEntry entry) {
            final Map<SpanKey, SearchEntry> level = of(entry.level());
            level.put(new SpanKey(entry.sessionId(), entry.firstFrame()), entry);
            newestCaptureMs = Math.max(newestCaptureMs, entry.endCaptureMs());
            final List<SearchEntry> dropped = new ArrayList<>();
            final long oldestKept = newestCaptureMs - horizonMs;
            for (final Map<SpanKey, SearchEntry> m : List.of(segments, windows)) {
                final Iterator<SearchEntry> it = m.values().iterator();
                while (it.hasNext()) {
                    final SearchEntry e = it.next();
                    if (m.size() > maxEntriesPerLevel || e.endCaptureMs() < oldestKept) {
                        dropped.add(e);
                        it.remove();
                    } else {
                        break;
                    }
                }
            }
            return dropped;
        }

        synchronized int size() {
            return segments.size() + windows.size();
        }

        synchronized List<SearchEntry> entries(final SearchLevel level) {
            return new ArrayList<>(of(level).values());
        }

        synchronized void score(final SearchRequest request, final PriorityQueue<SearchHit> top) {
            for (final SearchEntry e : of(request.level()).values()) {
                if (e.endCaptureMs() < request.sinceCaptureMs()) {
                    continue;
                }
                final double score = dot(request.query(), e.embedding());
                if (top.size() == request.k() && score < top.peek().score()) {
                    continue;
                }
                final SearchHit hit = new SearchHit(e, score);
                if (top.size() < request.k()) {
                    top.add(hit);
                } else if (SearchHit.BEST_FIRST.compare(hit, top.peek()) < 0) {
                    top.poll();
                    top.add(hit);
                }
            }
        }

        private Map<SpanKey, SearchEntry> of(final SearchLevel level) {
            return level == SearchLevel.SEGMENT ? segments : windows;
        }
    }

    private record SpanKey(long sessionId, long firstFrame) {
    }
}
