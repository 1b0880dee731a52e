package io.egostream.stream.search;

import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchIndex;
import io.egostream.model.videotext.SearchLevel;
import io.egostream.model.videotext.SegmentPooling;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each camera's searchable recent past. Per valid frame of a camera (in the order the camera analyzer
 * accepts: frames of older sessions and repeated or earlier indices are skipped here, the analyzer sends them to
 * the dead-letter topic):
 *
 * <ol>
 *   <li>the frame's hidden vector joins the running pooling of its <b>chunk</b> (frames {@code [k C, (k + 1) C)} of
 *       the session); the chunk's segment embedding is indexed <i>provisional</i> after every frame, and
 *       <i>final</i> (stored with its state) when its last frame arrives, when a gap skips past it, or when the
 *       session closes;</li>
 *   <li>when a chunk completes, every <b>window</b> (chunks {@code [s, s + M)}, {@code s} a multiple of the hop)
 *       ending at it is embedded by the parent level from the stored chunk states and stored final; windows still
 *       open are indexed provisional over the chunks they have so far; a closing session finalises its open
 *       windows with the chunks they have;</li>
 *   <li>entries older than the horizon (measured from the camera's newest capture time) leave the index and the
 *       store.</li>
 * </ol>
 *
 * <p>A newer session, frame index 0 again, end-of-stream, or {@code window.idle-timeout-ms} of stream time
 * without a frame close the session. Final entries and the cursor live in changelogged stores; at {@link #init}
 * (after a restore or rebalance) the in-memory index is refilled from them and the provisional entries are
 * recomputed; at {@link #close} this task's cameras leave the in-memory index.
 */
public final class SearchIndexerProcessor implements Processor<String, Object, Void, Void> {

    private final SearchIndexerSettings settings;
    private final VideoTextEncoder encoder;
    private final SearchIndex index;
    private final Set<String> cameras = new HashSet<>();
    private KeyValueStore<Bytes, byte[]> embeddings;
    private KeyValueStore<String, byte[]> cursors;

    /**
     * @param settings store names, frame stride, idle timeout
     * @param encoder the video-text model
     * @param index the instance's index (shared by every task; thread-safe)
     */
    public SearchIndexerProcessor(final SearchIndexerSettings settings, final VideoTextEncoder encoder,
            final SearchIndex index) {
        this.settings = settings;
        this.encoder = encoder;
        this.index = index;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.embeddings = context.getStateStore(settings.embeddingStoreName());
        this.cursors = context.getStateStore(settings.cursorStoreName());
        final List<Bytes> expired = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = embeddings.all()) {
            while (all.hasNext()) {
                final KeyValue<Bytes, byte[]> kv = all.next();
                final SearchEntry e = SearchStoreCodec.decode(kv.key, kv.value).entry();
                cameras.add(e.cameraId());
                index.put(e).forEach(d -> expired.add(SearchStoreCodec.key(d)));
            }
        }
        expired.forEach(embeddings::delete);
        try (KeyValueIterator<String, byte[]> all = cursors.all()) {
            while (all.hasNext()) {
                final KeyValue<String, byte[]> kv = all.next();
                cameras.add(kv.key);
                final CameraCursor c = CameraCursor.fromBytes(kv.value);
                if (c.pooling().frames() > 0) {
                    indexChunk(kv.key, c, false);
                }
                windows(kv.key, c, c.lastFinishedChunk(), false);
            }
        }
        context.schedule(Duration.ofSeconds(1), PunctuationType.STREAM_TIME, this::closeIdle);
    }

    @Override
    public void process(final Record<String, Object> record) {
        final CameraRecord value = (CameraRecord) record.value();
        final String camera = value.cameraId();
        final byte[] stored = cursors.get(camera);
        CameraCursor cursor = stored == null ? null : CameraCursor.fromBytes(stored);
        if (value instanceof EndOfStream end) {
            if (cursor != null && end.sessionId() == cursor.sessionId()) {
                closeSession(camera, cursor);
                cursors.delete(camera);
            }
            return;
        }
        final FeatureFrame frame = (FeatureFrame) value;
        if (cursor != null) {
            final boolean newer = frame.sessionId() > cursor.sessionId();
            final boolean restart = frame.sessionId() == cursor.sessionId() && frame.frameIndex() == 0
                    && cursor.lastIndex() > 0;
            if (!newer && !restart && (frame.sessionId() < cursor.sessionId()
                    || frame.frameIndex() <= cursor.lastIndex())) {
                return;
            }
            if (newer || restart) {
                closeSession(camera, cursor);
                cursor = null;
            }
        }
        cameras.add(camera);
        final long c = encoder.config().chunkFrames();
        final long chunk = frame.frameIndex() / c;
        if (cursor == null) {
            cursor = new CameraCursor(frame.sessionId(), -1, frame.captureTimeMs(), chunk, frame.captureTimeMs(), -1,
                    new SegmentPooling(encoder.config().hiddenDim()));
        } else if (chunk != cursor.chunk()) {
            if (cursor.pooling().frames() > 0) {
                cursor = finishChunk(camera, cursor);
            }
            cursor = new CameraCursor(cursor.sessionId(), cursor.lastIndex(), cursor.lastCaptureMs(), chunk,
                    frame.captureTimeMs(), cursor.lastFinishedChunk(), cursor.pooling());
        }
        final long chunkStart = cursor.pooling().frames() == 0 ? frame.captureTimeMs() : cursor.chunkStartCaptureMs();
        cursor.pooling().add(encoder.frameHidden(frame.features()));
        cursor = new CameraCursor(cursor.sessionId(), frame.frameIndex(), frame.captureTimeMs(), chunk, chunkStart,
                cursor.lastFinishedChunk(), cursor.pooling());
        if (frame.frameIndex() % c == c - 1) {
            cursor = finishChunk(camera, cursor);
        } else {
            indexChunk(camera, cursor, false);
        }
        cursors.put(camera, cursor.toBytes());
    }

    /** Stores the chunk final, finalises the windows ending at it, refreshes the open ones; empties the pooling. */
    private CameraCursor finishChunk(final String camera, final CameraCursor cursor) {
        indexChunk(camera, cursor, true);
        windows(camera, cursor, cursor.chunk(), true);
        return new CameraCursor(cursor.sessionId(), cursor.lastIndex(), cursor.lastCaptureMs(), cursor.chunk() + 1,
                cursor.lastCaptureMs(), cursor.chunk(), new SegmentPooling(encoder.config().hiddenDim()));
    }

    private void indexChunk(final String camera, final CameraCursor cursor, final boolean isFinal) {
        final VideoTextConfig cfg = encoder.config();
        final float[] z = encoder.segmentState(cursor.pooling());
        final long first = cursor.chunk() * cfg.chunkFrames();
        final SearchEntry e = new SearchEntry(camera, cursor.sessionId(), SearchLevel.SEGMENT, first,
                cursor.lastIndex(), first * settings.strideSeconds(), (cursor.lastIndex() + 1) * settings.strideSeconds(),
                cursor.chunkStartCaptureMs(), cursor.lastCaptureMs(), isFinal, encoder.segmentEmbedding(z));
        put(e, isFinal ? z : null);
    }

    /**
     * Windows after chunk {@code finished} completed: those ending in {@code (previous, finished]} are final when
     * {@code finalise}, the ones still open (started at or before {@code finished}) provisional.
     */
    private void windows(final String camera, final CameraCursor cursor, final long finished, final boolean finalise) {
        if (finished < 0) {
            return;
        }
        final VideoTextConfig cfg = encoder.config();
        final long m = cfg.windowChunks();
        final long hop = cfg.windowHopChunks();
        final long previous = finalise ? cursor.lastFinishedChunk() : finished;
        final long firstStart = Math.max(0, Math.floorDiv(previous + 1 - (m - 1), hop)) * hop;
        for (long s = firstStart; s <= finished; s += hop) {
            final long end = s + m - 1;
            if (end <= previous) {
                continue;
            }
            putWindow(camera, cursor.sessionId(), s, Math.min(end, finished), finalise && end <= finished);
        }
    }

    /** Embeds window {@code [s, s + M)} over its stored chunks up to {@code lastChunk}. */
    private void putWindow(final String camera, final long session, final long s, final long lastChunk,
            final boolean isFinal) {
        final long c = encoder.config().chunkFrames();
        final List<SearchStoreCodec.Stored> children = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = embeddings.range(
                SearchStoreCodec.key(camera, SearchLevel.SEGMENT, session, s * c),
                SearchStoreCodec.key(camera, SearchLevel.SEGMENT, session, lastChunk * c))) {
            while (it.hasNext()) {
                final KeyValue<Bytes, byte[]> kv = it.next();
                children.add(SearchStoreCodec.decode(kv.key, kv.value));
            }
        }
        if (children.isEmpty()) {
            return;
        }
        final List<float[]> states = children.stream().map(SearchStoreCodec.Stored::state).toList();
        final SearchEntry first = children.get(0).entry();
        final SearchEntry last = children.get(children.size() - 1).entry();
        put(new SearchEntry(camera, session, SearchLevel.WINDOW, s * c, last.lastFrame(), s * c
                * settings.strideSeconds(), last.endSeconds(), first.startCaptureMs(), last.endCaptureMs(), isFinal,
                encoder.windowEmbedding(states)), isFinal ? new float[0] : null);
    }

    /** Indexes an entry; a final one is also stored; entries out of the horizon leave both. */
    private void put(final SearchEntry e, final float[] storedState) {
        if (storedState != null) {
            embeddings.put(SearchStoreCodec.key(e), SearchStoreCodec.value(e, storedState));
        }
        for (final SearchEntry dropped : index.put(e)) {
            embeddings.delete(SearchStoreCodec.key(dropped));
        }
    }

    /** Finalises the open chunk and every open window of a session. */
    private void closeSession(final String camera, final CameraCursor cursor) {
        CameraCursor c = cursor;
        if (c.pooling().frames() > 0) {
            c = finishChunk(camera, c);
        }
        final long last = c.lastFinishedChunk();
        if (last < 0) {
            return;
        }
        final VideoTextConfig cfg = encoder.config();
        final long hop = cfg.windowHopChunks();
        for (long s = Math.max(0, Math.floorDiv(last - cfg.windowChunks() + 2, hop)) * hop; s <= last; s += hop) {
            if (s + cfg.windowChunks() - 1 > last) {
                putWindow(camera, c.sessionId(), s, last, true);
            }
        }
    }

    private void closeIdle(final long streamTimeMs) {
        final List<KeyValue<String, byte[]>> idle = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = cursors.all()) {
            while (all.hasNext()) {
                final KeyValue<String, byte[]> kv = all.next();
                if (streamTimeMs - CameraCursor.fromBytes(kv.value).lastCaptureMs() > settings.idleTimeoutMs()) {
                    idle.add(kv);
                }
            }
        }
        for (final KeyValue<String, byte[]> kv : idle) {
            closeSession(kv.key, CameraCursor.fromBytes(kv.value));
            cursors.delete(kv.key);
        }
    }

    @Override
    public void close() {
        index.removeCameras(cameras);
    }
}
