package io.egostream.cli.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the local cluster: a child JVM whose standard output and error go to a log file.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(final String name, final Process process, final Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a child.
     *
     * @param name e.g. {@code broker-1}
     * @param command the command line
     * @param env variables added to this process's environment
     * @param log the file its output goes to
     * @return the running child
     * @throws IOException when it cannot be started
     */
    public static ChildProcess start(final String name, final List<String> command, final Map<String, String> env,
            final Path log) throws IOException {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start(), log);
    }

    /**
     * The node's name.
     *
     * @return e.g. {@code analyzer-2}
     */
    public String name() {
        return name;
    }

    /**
     * The process.
     *
     * @return the OS process
     */
    public Process process() {
        return process;
    }

    /**
     * Where the node's output goes.
     *
     * @return the log file
     */
    public Path log() {
        return log;
    }

    /**
     * Whether the process runs.
     *
     * @return true until it exits or is killed
     */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Kills the process without letting it shut down (SIGKILL): a crash.
     *
     * @throws InterruptedException when interrupted while waiting for it to go
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * The last lines of the node's log, for error messages.
     *
     * @param lines how many
     * @return the tail, or a note when the log cannot be read
     */
    public String tail(final int lines) {
        try {
            final List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the process to stop (SIGTERM), waits up to 60 s, then kills it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
