package io.egostream.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egostream bench}: benchmarks; lists its subcommands. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks (measured on this machine, printed as JSON).",
        subcommands = {BenchModelCommand.class, BenchPipelineCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
