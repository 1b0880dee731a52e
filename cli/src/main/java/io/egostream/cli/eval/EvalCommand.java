package io.egostream.cli.eval;

import io.egostream.cli.train.EvalModelCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code egostream eval}: the parent of the evaluation commands. Each kind of evaluation is a subcommand
 * class listed in {@code subcommands}; add new ones there.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Score predictions with the reference metrics (detection mAP, AR, OSCC, PNR, LTA).",
        subcommands = {
            EvalDetectionCommand.class,
            EvalArCommand.class,
            EvalOsccCommand.class,
            EvalPnrCommand.class,
            EvalLtaCommand.class,
            EvalModelCommand.class,
        })
public final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
