package io.egostream.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the {@code egostream} command line in-process with captured output.
 *
 * @param exitCode the exit code
 * @param out what the command printed on standard output
 * @param err what the command printed on standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /**
     * Runs {@code egostream ARGS...}.
     *
     * @param args the arguments
     * @return exit code and output
     */
    public static CliRun of(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new EgoStreamCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
