package io.egostream.cli.train;

import io.egostream.training.run.Stage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egostream train multi}: see {@link TrainOptions}. */
@Command(
        name = "multi",
        mixinStandardHelpOptions = true,
        description = "Train several tasks on one shared backbone (summed losses, one optimiser step).")
public final class TrainMultiCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private TrainOptions options;

    @Option(names = "--task", required = true, paramLabel = "TASK", split = ",",
            description = "The tasks, e.g. --task ar,oscc,lta,pnr.")
    private List<String> tasks;

    @Override
    public Integer call() {
        return TrainStageCommand.run(spec, options, Stage.MULTI, tasks, null);
    }
}
