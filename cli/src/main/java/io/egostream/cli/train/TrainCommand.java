package io.egostream.cli.train;

import io.egostream.cli.language.TrainOpenVocabCommand;
import io.egostream.cli.videotext.TrainVideoTextCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egostream train}: the three training stages, and the video-text model. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train Hier-EgoPack on Ego4D-format data (e.g. the benchmark): single, multi or egopack.",
        subcommands = {TrainSingleCommand.class, TrainMultiCommand.class, TrainEgoPackCommand.class,
            TrainTeacherCommand.class, TrainOpenVocabCommand.class, TrainVideoTextCommand.class})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
