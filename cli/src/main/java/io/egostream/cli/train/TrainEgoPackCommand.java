package io.egostream.cli.train;

import io.egostream.training.run.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egostream train egopack --task NOVEL --init MTL_MODEL}: see {@link TrainOptions}. */
@Command(
        name = "egopack",
        mixinStandardHelpOptions = true,
        description = "Train a novel task on a multi-task model through EgoPack (prototypes of its tasks).")
public final class TrainEgoPackCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private TrainOptions options;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "The novel task: ar, oscc, pnr, lta or mq.")
    private String task;

    @Option(names = "--init", required = true, paramLabel = "DIR",
            description = "The multi-task model directory whose tasks are the support tasks.")
    private Path init;

    @Override
    public Integer call() {
        return TrainStageCommand.run(spec, options, Stage.EGOPACK, List.of(task), init);
    }
}
