package io.egostream.cli.train;

import io.egostream.cli.language.TrainOpenVocabCommand;
import io.egostream.cli.videotext.TrainVideoTextCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egostream train}: the Hier-EgoPack stages, the language heads and the video-text model. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train Hier-EgoPack (single, multi, egopack, teacher, open-vocab) or the video-text model.",
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
