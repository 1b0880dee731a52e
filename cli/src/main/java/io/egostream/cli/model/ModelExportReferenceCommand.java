package io.egostream.cli.model;

import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.ReferenceCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream model export-reference --model MODEL_DIR --out DIR}: writes the model's weights as the
 * official {@code .npz} set (one file per module, official keys, shapes and order), which the official code
 * loads with {@code module.load_state_dict({k: torch.from_numpy(v) for k, v in np.load(f).items()})}.
 */
@Command(
        name = "export-reference",
        mixinStandardHelpOptions = true,
        description = "Write a model's weights as official .npz files (one per module, official state_dict keys).")
public final class ModelExportReferenceCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "An EgoStream model directory.")
    private Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Target folder (created if missing; existing module files are not overwritten).")
    private Path out;

    @Override
    public Integer call() {
        final List<Path> written;
        try {
            final ModelDirectory.Manifest m = ModelDirectory.readManifest(model);
            written = ReferenceCheckpoint.export(m.config(), ModelDirectory.readWeights(model, m.config()), out);
        } catch (ModelFormatException | IOException e) {
            return JsonOutput.failure(spec, e.getMessage());
        }
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("out", out.toString());
        result.put("files", written.stream().map(p -> p.getFileName().toString()).toList());
        JsonOutput.print(spec, result);
        return 0;
    }
}
