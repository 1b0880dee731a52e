package io.egostream.cli.model;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egostream model}: the Hier-EgoPack network's files and offline forward. Lists its subcommands. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "The Hier-EgoPack model: parameter counts, official checkpoint import/export, offline forward.",
        subcommands = {ModelInfoCommand.class, ModelImportCommand.class, ModelExportReferenceCommand.class,
            ModelForwardCommand.class, ModelCheckStreamingCommand.class})
public final class ModelCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
