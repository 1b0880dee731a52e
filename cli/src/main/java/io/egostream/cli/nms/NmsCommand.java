package io.egostream.cli.nms;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.egostream.cli.eval.CommandOutput;
import io.egostream.cli.eval.RawDetection;
import io.egostream.cli.eval.ResultsFile;
import io.egostream.model.nms.Candidates;
import io.egostream.model.nms.NmsConfig;
import io.egostream.model.nms.NmsMethod;
import io.egostream.model.nms.NmsPreset;
import io.egostream.model.nms.SegmentNms;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream nms}: runs batched NMS ({@link SegmentNms}, float32 as the reference) on every video of an
 * ActivityNet results file and writes the kept detections, best score first, in the same format.
 */
@Command(
        name = "nms",
        mixinStandardHelpOptions = true,
        description = "Non-maximum suppression of an ActivityNet results file (float32, as ActionFormer).")
public final class NmsCommand implements Callable<Integer> {

    /** ActionFormer's defaults ({@code libs/core/config.py}) for values neither a preset nor an option gives. */
    private static final double DEFAULT_MIN_SCORE = 0.01;
    private static final int DEFAULT_MAX_SEGMENTS = 1000;
    private static final double DEFAULT_VOTING = 0.75;

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "RAW.json",
            description = "Detections before NMS: {\"results\": {video_id: [{\"label\", \"score\", \"segment\"}]}}.")
    private Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.json", description = "Where to write the kept detections.")
    private Path out;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "hier-egopack, actionformer-ego4d, thumos, epic or anet; the options below override it.")
    private String preset;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "hard, soft-gaussian, soft-linear or soft-hard (needed without --preset).")
    private String method;

    @Option(names = "--sigma", paramLabel = "S", description = "Gaussian decay exp(-ovr^2/S) (default 0.5).")
    private Double sigma;

    @Option(names = "--iou", paramLabel = "T", description = "IoU threshold of hard, linear and soft-hard (default 0.1).")
    private Double iou;

    @Option(names = "--min-score", paramLabel = "M", description = "Score floor (default 0.01).")
    private Double minScore;

    @Option(names = "--max-seg", paramLabel = "K", description = "Most detections kept per video (default 1000).")
    private Integer maxSegments;

    @Option(names = "--class-agnostic", description = "One NMS over all labels, then segment voting.")
    private boolean classAgnostic;

    @Option(names = "--voting", paramLabel = "T",
            description = "Voting tIoU of --class-agnostic, 0 for none (default 0.75).")
    private Double voting;

    @Override
    public Integer call() {
        final NmsConfig config = config();
        return CommandOutput.run(spec, () -> {
            final ResultsFile raw = ResultsFile.read(in);
            final LabelIds labels = LabelIds.of(raw.detections());
            int before = 0;
            int after = 0;
            try (OutputStream os = Files.newOutputStream(out);
                    JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeObjectFieldStart("results");
                for (final Map.Entry<String, List<RawDetection>> video : raw.detections().entrySet()) {
                    before += video.getValue().size();
                    final Candidates kept = SegmentNms.apply(labels.candidates(video.getValue()), config);
                    after += kept.size();
                    g.writeArrayFieldStart(video.getKey());
                    for (int i = 0; i < kept.size(); i++) {
                        g.writeStartObject();
                        g.writeFieldName("label");
                        labels.write(g, kept.label(i));
                        g.writeNumberField("score", kept.score(i));
                        g.writeArrayFieldStart("segment");
                        g.writeNumber(kept.start(i));
                        g.writeNumber(kept.end(i));
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            } catch (IOException e) {
                return CommandOutput.fail(spec, out + ": cannot write the file (" + e.getMessage() + ")");
            }
            spec.commandLine().getOut().println("nms: " + raw.detections().size() + " videos, " + before
                    + " detections in, " + after + " kept -> " + out);
            return 0;
        });
    }

    private NmsConfig config() {
        try {
            NmsConfig c;
            if (preset != null) {
                c = NmsPreset.fromId(preset).nms();
                if (method != null) {
                    c = c.withMethod(NmsMethod.fromId(method));
                }
            } else if (method != null) {
                c = new NmsConfig(NmsMethod.fromId(method), NmsConfig.DEFAULT_IOU_THRESHOLD, NmsConfig.DEFAULT_SIGMA,
                        DEFAULT_MIN_SCORE, DEFAULT_MAX_SEGMENTS, false, DEFAULT_VOTING);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --preset NAME or --method METHOD");
            }
            if (voting != null && !classAgnostic && !c.classAgnostic()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--voting needs --class-agnostic");
            }
            c = sigma == null ? c : c.withSigma(sigma);
            c = iou == null ? c : c.withIouThreshold(iou);
            c = minScore == null ? c : c.withMinScore(minScore);
            c = maxSegments == null ? c : c.withMaxSegments(maxSegments);
            if (classAgnostic || c.classAgnostic()) {
                c = c.withClassAgnosticVoting(voting != null ? voting
                        : c.classAgnostic() || preset != null ? c.votingThreshold() : DEFAULT_VOTING);
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Class ids for labels, in ascending class order: numeric when every label of the file is a JSON integer,
     * text order otherwise.
     */
    private static final class LabelIds {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final boolean integers;

        private LabelIds(final TreeSet<String> sorted, final boolean integers) {
            this.integers = integers;
            for (final String l : sorted) {
                ids.put(l, names.size());
                names.add(l);
            }
        }

        static LabelIds of(final Map<String, List<RawDetection>> detections) {
            boolean allIntegers = true;
            for (final List<RawDetection> list : detections.values()) {
                for (final RawDetection d : list) {
                    allIntegers &= d.integerLabel();
                }
            }
            final Comparator<String> order = allIntegers
                    ? Comparator.comparing(BigInteger::new) : Comparator.naturalOrder();
            final TreeSet<String> sorted = new TreeSet<>(order);
            detections.values().forEach(list -> list.forEach(d -> sorted.add(d.label())));
            return new LabelIds(sorted, allIntegers);
        }

        Candidates candidates(final List<RawDetection> list) {
            final Candidates.Builder b = Candidates.builder();
            for (final RawDetection d : list) {
                b.add((float) d.start(), (float) d.end(), (float) d.score(), ids.get(d.label()));
            }
            return b.build();
        }

        void write(final JsonGenerator g, final int id) throws IOException {
            if (integers) {
                g.writeNumber(new BigInteger(names.get(id)));
            } else {
                g.writeString(names.get(id));
            }
        }
    }
}
