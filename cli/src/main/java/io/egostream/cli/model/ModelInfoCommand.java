package io.egostream.cli.model;

import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackConfigJson;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.ParameterCounts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream model info [--preset NAME | --model DIR]}: parameter counts per component as JSON,
 * {@code {"backbone": N, "one_tdgc": N, "heads": {"ar": N, ...}, "egopack": {...}, "total": N, "trainable": N,
 * "config": {...}}}. Without an option, the reference preset. With {@code --model} the weight files are
 * checked too.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Print the parameter counts of a preset or a model directory as JSON.")
public final class ModelInfoCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true)
    private Source source;

    static final class Source {
        @Option(names = "--preset", paramLabel = "NAME", description = "A preset: reference or small (default: reference).")
        String preset;

        @Option(names = "--model", paramLabel = "DIR", description = "An EgoStream model directory.")
        Path model;
    }

    @Override
    public Integer call() {
        final Map<String, Object> out = new LinkedHashMap<>();
        final HierEgoPackConfig config;
        if (source != null && source.model != null) {
            try {
                final ModelDirectory.Manifest m = ModelDirectory.readManifest(source.model);
                ModelDirectory.readWeights(source.model, m.config());
                config = m.config();
                out.put("model_id", m.modelId());
            } catch (ModelFormatException e) {
                return JsonOutput.failure(spec, e.getMessage());
            }
        } else {
            final String name = source == null || source.preset == null ? HierEgoPackConfig.REFERENCE : source.preset;
            try {
                config = HierEgoPackConfig.preset(name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
            }
            out.put("preset", name);
        }
        out.putAll(ParameterCounts.of(config).toMap());
        out.put("config", HierEgoPackConfigJson.toMap(config));
        JsonOutput.print(spec, out);
        return 0;
    }
}
