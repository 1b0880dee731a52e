package io.egostream.cli.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a long-running command cleanly on Ctrl-C (SIGINT) or SIGTERM: the JVM's shutdown hook asks the command to
 * stop, waits (up to 90 s) until the command has closed everything and reported, then ends the JVM with the
 * command's exit code (0 after a clean stop, not the 130/143 of a signal), so the command, not the hook, shuts
 * down and reports.
 */
final class StopSignal implements AutoCloseable {

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode = 1;

    StopSignal() {
        this.hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                if (stopped.await(90, TimeUnit.SECONDS)) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "egostream-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Waits for a stop request or a timeout.
     *
     * @param timeout how long to wait at most
     * @return true when stop was requested (signal), false when the timeout passed
     * @throws InterruptedException when interrupted
     */
    boolean await(final Duration timeout) throws InterruptedException {
        return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether a stop was requested.
     *
     * @return true after Ctrl-C or SIGTERM
     */
    boolean requested() {
        return stopRequested.getCount() == 0;
    }

    /**
     * Records the command's exit code for the case the JVM is stopping on a signal.
     *
     * @param code the exit code the command returns
     */
    void exitCode(final int code) {
        this.exitCode = code;
    }

    /** The command has finished closing: lets the JVM exit; removes the hook when no signal came. */
    @Override
    public void close() {
        stopped.countDown();
        if (!requested()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook returns at once since stopped is counted down.
            }
        }
    }
}
