package io.egostream.cli.text;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egostream text}: the sentence encoder (all-MiniLM-L6-v2, offline). Lists its subcommands. */
@Command(
        name = "text",
        mixinStandardHelpOptions = true,
        description = "Sentence embeddings with all-MiniLM-L6-v2 (384-d, offline on OnnxRuntime).",
        subcommands = {TextSimilarityCommand.class, TextEmbedClassesCommand.class})
public final class TextCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
