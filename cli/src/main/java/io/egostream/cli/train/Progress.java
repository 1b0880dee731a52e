package io.egostream.cli.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;

/** Progress bars (with ETA) of the training commands, on standard error. */
public final class Progress {

    private Progress() {
    }

    /**
     * @param task the bar's label
     * @param total steps
     * @param spec the command, for its error stream
     * @return a started bar; close it when done
     */
    public static ProgressBar bar(final String task, final long total, final CommandLine.Model.CommandSpec spec) {
        final PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true,
                java.nio.charset.StandardCharsets.UTF_8);
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err, 100))
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .build();
    }

    /** Bridges picocli's error writer to the stream progressbar wants. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final java.io.PrintWriter writer;

        WriterOutputStream(final java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(final int b) {
            writer.write(b);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) {
            writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
