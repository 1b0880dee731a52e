package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonOutput;
import picocli.CommandLine;

/** How the file-reading commands report results and failures. */
public final class CommandOutput {

    private CommandOutput() {
    }

    /**
     * Prints a report as JSON on standard output.
     *
     * @param spec the command
     * @param report the report (maps, lists, numbers)
     * @return exit code 0
     */
    public static int print(final CommandLine.Model.CommandSpec spec, final Object report) {
        spec.commandLine().getOut().println(JsonOutput.write(report));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Prints a failure on standard error, prefixed with the command's name.
     *
     * @param spec the command
     * @param message what failed
     * @return exit code 1
     */
    public static int fail(final CommandLine.Model.CommandSpec spec, final String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }

    /**
     * Runs a command body, turning bad input files and rejected values into exit code 1 with a message.
     *
     * @param spec the command
     * @param body the body, returning the exit code
     * @return the exit code
     */
    public static int run(final CommandLine.Model.CommandSpec spec, final Body body) {
        try {
            return body.run();
        } catch (InputFileException e) {
            return fail(spec, e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(spec, e.getMessage());
        }
    }

    /** A command body that reads input files. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs it.
         *
         * @return the exit code
         * @throws InputFileException on a bad input file
         */
        int run() throws InputFileException;
    }
}
