package io.egostream.cli.model;

import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackConfigJson;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.ParameterCounts;
import io.egostream.model.nn.ReferenceCheckpoint;
import io.egostream.model.nn.Vocabularies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream model import --reference DIR --out MODEL_DIR [--preset NAME | --config FILE]
 * [--model-id ID]}: turns an official checkpoint (one {@code .npz} per module, official keys) into an
 * EgoStream model directory. Every size is inferred from the shapes and checked against the other files and
 * the given preset or configuration; any problem stops the import with a message naming the file, the key
 * and the expected and found values, and nothing is written.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import an official Hier-EgoPack checkpoint (.npz per module) as an EgoStream model directory.")
public final class ModelImportCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "DIR",
            description = "Folder with backbone.npz, head_*.npz and optionally egopack.npz (official state_dict keys).")
    private Path reference;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "The model directory to create (must not exist or be empty).")
    private Path out;

    @Option(names = "--model-id", paramLabel = "ID", description = "Model id (default: the name of MODEL_DIR).")
    private String modelId;

    @Option(names = "--vocabularies", paramLabel = "FILE",
            description = "JSON {\"verbs\": [...], \"nouns\": [...], \"mq_classes\": [...]} with the class names "
                    + "(any subset; absent lists get placeholder names verb_000, noun_000, mq_000, ...).")
    private Path vocabularies;

    @ArgGroup(exclusive = true)
    private Expected expected;

    static final class Expected {
        @Option(names = "--preset", paramLabel = "NAME",
                description = "Check the sizes against a preset (reference, small); it also supplies the sizes no "
                        + "array carries (edge radius, LTA steps, EgoPack k).")
        String preset;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Check the sizes against a model configuration JSON (the 'config' object of model.json,"
                        + " or a whole model.json).")
        Path config;
    }

    @Override
    public Integer call() {
        HierEgoPackConfig given = null;
        String givenName = null;
        if (expected != null && expected.preset != null) {
            try {
                given = HierEgoPackConfig.preset(expected.preset);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
            }
            givenName = "preset '" + expected.preset + "'";
        } else if (expected != null && expected.config != null) {
            try {
                given = readConfig(expected.config);
            } catch (IOException | IllegalArgumentException e) {
                return JsonOutput.failure(spec, e.getMessage());
            }
            givenName = "config " + expected.config.getFileName();
        }
        final String id = modelId != null ? modelId : String.valueOf(out.toAbsolutePath().normalize().getFileName());
        try {
            io.egostream.model.nn.HierEgoPackModel.requireId(id);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model-id: " + e.getMessage());
        }
        final ReferenceCheckpoint.Imported imported;
        try {
            imported = ReferenceCheckpoint.importFolder(reference, given, givenName);
            final Vocabularies names = vocabularies == null ? Vocabularies.placeholders(imported.config())
                    : readVocabularies(vocabularies, imported.config());
            ModelDirectory.write(out, id, imported.config(), names, imported.weights());
        } catch (ModelFormatException | IOException | IllegalArgumentException e) {
            return JsonOutput.failure(spec, e.getMessage());
        }
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("model_id", id);
        result.put("model_dir", out.toString());
        result.put("files", imported.weights().keySet().stream().map(m -> m.fileName()).toList());
        result.put("parameters", ParameterCounts.of(imported.config()).toMap());
        result.put("config", HierEgoPackConfigJson.toMap(imported.config()));
        JsonOutput.print(spec, result);
        return 0;
    }

    static Vocabularies readVocabularies(final Path file, final HierEgoPackConfig config) throws IOException {
        final Object parsed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(Files.readString(file, StandardCharsets.UTF_8), Object.class);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(file.getFileName() + ": must hold a JSON object");
        }
        return Vocabularies.fromMap(m, file.getFileName().toString(), config, false);
    }

    static HierEgoPackConfig readConfig(final Path file) throws IOException {
        final String text = Files.readString(file, StandardCharsets.UTF_8);
        final Object parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
        if (parsed instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> inner && m.containsKey("format")) {
            return HierEgoPackConfigJson.fromMap(inner, file.getFileName().toString());
        }
        return HierEgoPackConfigJson.parse(text, file.getFileName().toString());
    }
}
