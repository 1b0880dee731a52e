package io.egostream.cli.train;

import io.egostream.training.run.Stage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egostream train single}: see {@link TrainOptions}. */
@Command(
        name = "single",
        mixinStandardHelpOptions = true,
        description = "Train one task on a fresh backbone.")
public final class TrainSingleCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private TrainOptions options;

    @Option(names = "--task", required = true, paramLabel = "TASK", split = ",",
            description = "The task: ar, oscc, pnr, lta or mq.")
    private List<String> tasks;

    @Override
    public Integer call() {
        return TrainStageCommand.run(spec, options, Stage.SINGLE, tasks, null);
    }
}
