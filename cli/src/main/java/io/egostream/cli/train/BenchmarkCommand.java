package io.egostream.cli.train;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egostream benchmark}: the synthetic benchmark on real timelines. */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = "The EgoStream benchmark: synthetic features on real EPIC-KITCHENS-100 / EGTEA Gaze+ timelines.",
        subcommands = {BenchmarkGenerateCommand.class})
public final class BenchmarkCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
