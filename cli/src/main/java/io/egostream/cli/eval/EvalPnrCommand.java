package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonOutput;
import io.egostream.cli.json.JsonSource;
import io.egostream.model.eval.BinaryAuroc;
import io.egostream.model.eval.KeyframeError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream eval pnr}: PNR keyframe localisation error in seconds (Hier-EgoPack and Ego4D baseline
 * variants) and Hier-EgoPack's frame AUROC. Input: {@code {"clips": [{"logits": [16 numbers], "start_frame",
 * "end_frame", "pnr_frame", "start_sec"?, "end_sec"?, "state_change"?}]}}.
 */
@Command(
        name = "pnr",
        mixinStandardHelpOptions = true,
        description = "PNR keyframe error in seconds (Hier-EgoPack and Ego4D variants) and frame AUROC, as JSON.")
public final class EvalPnrCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "PNR.json",
            description = "{\"clips\": [{\"logits\": [16], \"start_frame\", \"end_frame\", \"pnr_frame\", ...}]}")
    private Path in;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Ego4D variant: mean of the means of batches of B clips in file order, batches without a "
                    + "state change skipped (default: one batch, the plain mean).")
    private Integer batchSize;

    @Override
    public Integer call() {
        if (batchSize != null && batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be >= 1, got "
                    + batchSize);
        }
        return CommandOutput.run(spec, () -> {
            final List<PnrClip> clips = read();
            final List<Double> hepErrors = new ArrayList<>();
            final List<Float> frameScores = new ArrayList<>();
            final List<Integer> frameLabels = new ArrayList<>();
            final double[] ego4dErrors = new double[clips.size()];
            final boolean[] counted = new boolean[clips.size()];
            boolean ego4dPossible = true;
            for (int i = 0; i < clips.size(); i++) {
                final PnrClip c = clips.get(i);
                if (!c.stateChange()) {
                    continue;
                }
                hepErrors.add(KeyframeError.hierEgoPack(c.logits(), c.startFrame(), c.endFrame(), c.pnrFrame()));
                final int[] labels = KeyframeError.frameLabels(c.startFrame(), c.endFrame(), c.pnrFrame());
                for (int f = 0; f < labels.length; f++) {
                    frameScores.add(c.logits()[f]);
                    frameLabels.add(labels[f]);
                }
                if (Double.isNaN(c.startSeconds()) || Double.isNaN(c.endSeconds())) {
                    ego4dPossible = false;
                } else {
                    counted[i] = true;
                    ego4dErrors[i] = KeyframeError.ego4dBaseline(c.logits(), c.startFrame(), c.endFrame(),
                            c.pnrFrame(), c.startSeconds(), c.endSeconds());
                }
            }
            final Map<String, Object> hep = new LinkedHashMap<>();
            hep.put("keyframe_error_s", JsonOutput.number(mean(hepErrors)));
            hep.put("auroc", frameScores.isEmpty() ? null : BinaryAuroc.compute(toFloats(frameScores),
                    frameLabels.stream().mapToInt(Integer::intValue).toArray()));
            hep.put("n", hepErrors.size());
            final Map<String, Object> out = new LinkedHashMap<>();
            out.put("hier_egopack", hep);
            if (ego4dPossible) {
                final Map<String, Object> ego4d = new LinkedHashMap<>();
                ego4d.put("keyframe_error_s", JsonOutput.number(KeyframeError.meanOfBatchMeans(ego4dErrors, counted,
                        batchSize == null ? Math.max(1, clips.size()) : batchSize)));
                ego4d.put("n", hepErrors.size());
                out.put("ego4d", ego4d);
            } else {
                out.put("ego4d", null);
            }
            out.put("n_clips", clips.size());
            return CommandOutput.print(spec, out);
        });
    }

    private List<PnrClip> read() throws InputFileException {
        final List<PnrClip> clips = new ArrayList<>();
        boolean found = false;
        try (JsonSource src = JsonSource.open(in)) {
            src.beginObject("{\"clips\": [...]}");
            for (String field = src.nextField(); field != null; field = src.nextField()) {
                if ("clips".equals(field)) {
                    found = true;
                    src.beginArray("the clips");
                    while (src.hasElement()) {
                        clips.add(readClip(src));
                    }
                } else {
                    src.skipValue();
                }
            }
        }
        if (!found) {
            throw new InputFileException(in + ": at /: missing \"clips\" (a list of clips)");
        }
        return clips;
    }

    private PnrClip readClip(final JsonSource src) throws InputFileException {
        src.beginObject("a clip");
        final String at = src.pointer();
        double[] logits = null;
        Long start = null;
        Long end = null;
        Long pnr = null;
        double startSec = Double.NaN;
        double endSec = Double.NaN;
        boolean stateChange = true;
        for (String field = src.nextField(); field != null; field = src.nextField()) {
            switch (field) {
                case "logits":
                    logits = src.readNumbers("the 16 frame logits");
                    break;
                case "start_frame":
                    start = src.readLong("the clip start frame");
                    break;
                case "end_frame":
                    end = src.readLong("the clip end frame");
                    break;
                case "pnr_frame":
                    if (src.nextIsNull()) {
                        src.skipValue();
                    } else {
                        pnr = src.readLong("the PNR frame");
                    }
                    break;
                case "start_sec":
                    startSec = src.readNumber("the clip start in seconds");
                    break;
                case "end_sec":
                    endSec = src.readNumber("the clip end in seconds");
                    break;
                case "state_change":
                    stateChange = src.readBoolean("whether the clip has a state change");
                    break;
                default:
                    src.skipValue();
            }
        }
        if (logits == null || logits.length != KeyframeError.FRAMES) {
            throw src.errorAt(at, logits == null ? "missing \"logits\" (16 numbers)"
                    : "expected 16 logits, found " + logits.length);
        }
        if (start == null || end == null || (stateChange && pnr == null)) {
            throw src.errorAt(at, "missing " + (start == null ? "\"start_frame\"" : end == null ? "\"end_frame\""
                    : "\"pnr_frame\" (needed for a clip with a state change)") + " (an integer)");
        }
        if (end < start) {
            throw src.errorAt(at, "end_frame " + end + " is before start_frame " + start);
        }
        if (stateChange && !Double.isNaN(startSec) && !(endSec > startSec)) {
            throw src.errorAt(at, "end_sec " + endSec + " must be after start_sec " + startSec);
        }
        final float[] f = new float[logits.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) logits[i];
        }
        return new PnrClip(f, start, end, pnr == null ? -1 : pnr, startSec, endSec, stateChange);
    }

    private static double mean(final List<Double> values) {
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }

    private static float[] toFloats(final List<Float> values) {
        final float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
