package io.egostream.ingest.camera;

import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.synth.SynthesisSettings;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the records of a camera fleet to a sink on the {@link SendSchedule}: frames when they are due, an
 * end-of-stream marker right after a session's last frame. Runs on the calling thread until every camera has
 * finished or {@link #stop()} is called (from any thread).
 */
public final class CameraRunner implements Runnable {

    private final CameraFleet fleet;
    private final RecordSink sink;
    private final SendSchedule schedule;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong endsSent = new AtomicLong();

    /**
     * A runner starting now.
     *
     * @param fleet the cameras
     * @param sink where records go
     * @param startMs when the schedule starts, ms since the Unix epoch (usually now)
     */
    public CameraRunner(final CameraFleet fleet, final RecordSink sink, final long startMs) {
        this.fleet = fleet;
        this.sink = sink;
        this.schedule = new SendSchedule(startMs, 1000.0 / SynthesisSettings.EGOVLP_FRAMES_PER_SECOND,
                fleet.settings().speedFactor(), fleet.cameras().size());
    }

    @Override
    public void run() {
        final PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int c = 0; c < fleet.cameras().size(); c++) {
            due.add(new long[] {schedule.dueMs(c, 0), c, 0});
        }
        while (!stopped.get() && !due.isEmpty()) {
            final long[] next = due.poll();
            if (!sleepUntil(next[0])) {
                return;
            }
            final int c = (int) next[1];
            final SimulatedCamera camera = fleet.cameras().get(c);
            final Optional<CameraRecord> frame = camera.next(next[0]);
            if (frame.isEmpty()) {
                continue;
            }
            sink.send(frame.get());
            framesSent.incrementAndGet();
            if (camera.endOfStreamPending()) {
                final Optional<CameraRecord> end = camera.next(next[0]);
                end.filter(r -> r instanceof EndOfStream).ifPresent(r -> {
                    sink.send(r);
                    endsSent.incrementAndGet();
                });
            }
            if (!camera.finished()) {
                due.add(new long[] {schedule.dueMs(c, next[2] + 1), c, next[2] + 1});
            }
        }
    }

    private boolean sleepUntil(final long dueMs) {
        long wait = dueMs - System.currentTimeMillis();
        while (wait > 0) {
            if (stopped.get()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(wait, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped.set(true);
                return false;
            }
            wait = dueMs - System.currentTimeMillis();
        }
        return !stopped.get();
    }

    /** Makes {@link #run()} return soon (within about 0.1 s); safe from any thread. */
    public void stop() {
        stopped.set(true);
    }

    /**
     * Frames handed to the sink so far.
     *
     * @return the count over all cameras
     */
    public long framesSent() {
        return framesSent.get();
    }

    /**
     * End-of-stream markers handed to the sink so far.
     *
     * @return the count over all cameras
     */
    public long endOfStreamsSent() {
        return endsSent.get();
    }
}
