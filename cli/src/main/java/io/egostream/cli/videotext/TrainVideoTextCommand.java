package io.egostream.cli.videotext;

import io.egostream.cli.config.ConfigOption;
import io.egostream.cli.json.JsonOutput;
import io.egostream.cli.train.Progress;
import io.egostream.config.ConfigException;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import io.egostream.model.videotext.VideoTextModel;
import io.egostream.model.videotext.VideoTextModelDirectory;
import io.egostream.text.TextEncoder;
import io.egostream.text.TextEncoderException;
import io.egostream.training.videotext.RetrievalEvaluator;
import io.egostream.training.videotext.RetrievalReport;
import io.egostream.training.videotext.SegmentSample;
import io.egostream.training.videotext.TextEmbeddings;
import io.egostream.training.videotext.VideoTextBenchmark;
import io.egostream.training.videotext.VideoTextCorpus;
import io.egostream.training.videotext.VideoTextEpoch;
import io.egostream.training.videotext.VideoTextTrainer;
import io.egostream.training.videotext.VideoTextTrainingListener;
import io.egostream.training.videotext.VideoTextTrainingResult;
import io.egostream.training.videotext.VideoTextTrainingSettings;
import io.egostream.training.videotext.WindowSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream train video-text}: trains the two-level video-text model on a benchmark directory's train
 * videos (segments against their narrations, windows against their summaries), then measures text-to-segment and
 * text-to-window retrieval on its held-out test videos. Writes the model directory, {@code history.json} and
 * {@code retrieval.json} into {@code --out}, and prints the retrieval table.
 */
@Command(
        name = "video-text",
        mixinStandardHelpOptions = true,
        description = "Train the two-level (HierVL-style) video-text model on a benchmark directory and report "
                + "text->segment and text->window retrieval on its test videos.")
public final class TrainVideoTextCommand implements Callable<Integer> {

    private static final int TEXT_BATCH = 256;

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin ConfigOption config;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Benchmark directory written by 'egostream benchmark generate'.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (new or empty): the model, history.json, retrieval.json.")
    Path out;

    @Option(names = "--levels", paramLabel = "LEVELS", defaultValue = "both",
            description = "both: segment and window losses (HierVL); child: the segment loss alone (windows are "
                    + "then embedded as the mean of their chunks) (default: ${DEFAULT-VALUE}).")
    String levels;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--warmup-epochs", paramLabel = "N", defaultValue = "1",
            description = "Warm-up epochs (default: ${DEFAULT-VALUE}).")
    int warmupEpochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the weights and batch order (default: training.seed).")
    Long seed;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "256",
            description = "Width of the frame and segment states (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--segment-batch", paramLabel = "N", defaultValue = "128",
            description = "Segments per step (default: ${DEFAULT-VALUE}).")
    int segmentBatch;

    @Option(names = "--window-batch", paramLabel = "N", defaultValue = "32",
            description = "Windows per step (default: ${DEFAULT-VALUE}).")
    int windowBatch;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "1e-3",
            description = "Peak Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "1e-4",
            description = "Weight decay of the matrices (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--temperature", paramLabel = "TAU", defaultValue = "0.05",
            description = "InfoNCE temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--window-weight", paramLabel = "W", defaultValue = "1.0",
            description = "Weight of the window loss with --levels both (default: ${DEFAULT-VALUE}).")
    double windowWeight;

    @Option(names = "--validate", description = "Measure retrieval on the val videos after every epoch.")
    boolean validate;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        final VideoTextTrainingSettings settings = settings();
        final boolean both = settings.trainsWindows();
        if (threads < 1 || threads > 256) {
            throw usage("--threads must be in [1, 256], got " + threads);
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        final PrintWriter err = spec.commandLine().getErr();
        try {
            requireEmpty(out);
            final VideoTextBenchmark bench = VideoTextBenchmark.load(data);
            final VideoTextConfig config = VideoTextConfig.defaults().withDimensions(bench.featureDim(), hidden);
            err.println("reading features of " + bench.splits().get("train").size() + " train, "
                    + bench.splits().get("val").size() + " val, " + bench.splits().get("test").size()
                    + " test videos from " + data);
            final VideoTextCorpus train = bench.corpus("train", config);
            final VideoTextCorpus val = bench.corpus("val", config);
            final VideoTextCorpus test = bench.corpus("test", config);
            try (TextEncoder encoder = TextEncoder.openDefault()) {
                final TextEmbeddings texts = new TextEmbeddings(encoder::embed);
                embedTexts(texts, List.of(train, val, test), config);
                final VideoTextModel initial = VideoTextModel.initial("egostream-video-text-" + levels, config,
                        settings.seed());
                final VideoTextTrainingResult result = VideoTextTrainer.train(initial, train, validate ? val : null,
                        texts, settings, listener(err));
                final RetrievalReport report = RetrievalEvaluator.evaluate(new VideoTextEncoder(result.model()), test,
                        texts);
                write(bench, settings, result, report, both);
                final PrintWriter o = spec.commandLine().getOut();
                o.println("test videos: " + bench.splits().get("test").size() + " (held out by video)");
                o.println(RetrievalTables.line("text -> segment", report.textToSegment()));
                if (both) {
                    o.println(RetrievalTables.line("text -> window (parent)", report.textToWindowParent()));
                }
                o.println(RetrievalTables.line("text -> window (child mean)", report.textToWindowChildMean()));
                o.println("model written to " + out.toAbsolutePath().normalize());
                return 0;
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (TextEncoderException | IOException | UncheckedIOException e) {
            err.println("egostream train video-text: " + e.getMessage());
            return 1;
        }
    }

    private VideoTextTrainingSettings settings() {
        final long s;
        try {
            s = seed != null ? seed : config.load(System.getenv()).training().seed();
        } catch (ConfigException e) {
            throw usage(e.getMessage());
        }
        final double w = switch (levels) {
            case "both" -> windowWeight;
            case "child" -> 0.0;
            default -> throw usage("--levels must be both or child, got '" + levels + "'");
        };
        if (levels.equals("both") && !(w > 0)) {
            throw usage("--window-weight must be > 0 with --levels both, got " + windowWeight);
        }
        try {
            return new VideoTextTrainingSettings(epochs, segmentBatch, windowBatch, learningRate, weightDecay,
                    warmupEpochs, 5.0, temperature, w, s);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private void embedTexts(final TextEmbeddings texts, final List<VideoTextCorpus> corpora,
            final VideoTextConfig config) {
        final Set<String> all = new LinkedHashSet<>();
        for (final VideoTextCorpus c : corpora) {
            c.segments().stream().map(SegmentSample::narration).forEach(all::add);
            c.windows(config.windowHopChunks()).stream().map(WindowSample::summary).forEach(all::add);
            c.windows(config.windowChunks()).stream().map(WindowSample::summary).forEach(all::add);
        }
        final List<String> list = new ArrayList<>(all);
        try (ProgressBar bar = Progress.bar("texts", list.size(), spec)) {
            for (int i = 0; i < list.size(); i += TEXT_BATCH) {
                texts.addAll(list.subList(i, Math.min(list.size(), i + TEXT_BATCH)));
                bar.stepTo(Math.min(list.size(), i + TEXT_BATCH));
            }
        }
    }

    private VideoTextTrainingListener listener(final PrintWriter err) {
        return new VideoTextTrainingListener() {
            private ProgressBar bar;

            @Override
            public void started(final long totalSteps) {
                bar = Progress.bar("video-text " + levels, totalSteps, spec);
            }

            @Override
            public void stepDone(final long step, final double segmentLoss, final double windowLoss) {
                bar.stepTo(step);
                // with --levels child there is no window loss (NaN): show the segment loss alone
                bar.setExtraMessage(Double.isNaN(windowLoss)
                        ? String.format(Locale.ROOT, " segment %.3f", segmentLoss)
                        : String.format(Locale.ROOT, " segment %.3f window %.3f", segmentLoss, windowLoss));
            }

            @Override
            public void epochDone(final VideoTextEpoch e) {
                if (e.epoch() == epochs) {
                    bar.close();
                }
                err.printf(Locale.ROOT, "%nepoch %d: segment loss %.4f%s  (%.0f s)%s%s%n", e.epoch(),
                        e.segmentLoss(), Double.isNaN(e.windowLoss()) ? ""
                                : String.format(Locale.ROOT, "  window loss %.4f", e.windowLoss()),
                        e.seconds(), e.validation() == null ? ""
                                : String.format(Locale.ROOT, "  val text->segment R@5 %.3f, text->window R@5 %.3f",
                                        e.validation().textToSegment().recallAt5(),
                                        e.validation().textToWindowParent().recallAt5()),
                        e.skippedSteps() == 0 ? "" : "  (" + e.skippedSteps() + " step(s) skipped: non-finite gradient)");
            }
        };
    }

    private void write(final VideoTextBenchmark bench, final VideoTextTrainingSettings s,
            final VideoTextTrainingResult result, final RetrievalReport report, final boolean both) throws IOException {
        final Map<String, Object> training = new LinkedHashMap<>();
        training.put("benchmark_source", bench.source().id());
        training.put("benchmark_seed", bench.seed());
        training.put("prototypes", bench.prototypes());
        training.put("train_videos", bench.splits().get("train").size());
        training.put("levels", levels);
        training.put("epochs", s.epochs());
        training.put("seed", s.seed());
        training.put("segment_batch", s.segmentBatch());
        training.put("window_batch", s.windowBatch());
        training.put("learning_rate", s.learningRate());
        training.put("weight_decay", s.weightDecay());
        training.put("temperature", s.temperature());
        training.put("window_weight", s.windowWeight());
        VideoTextModelDirectory.save(out, result.model(), training);
        final List<Map<String, Object>> history = new ArrayList<>();
        for (final VideoTextEpoch e : result.history()) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("segment_loss", JsonOutput.number(e.segmentLoss()));
            m.put("window_loss", JsonOutput.number(e.windowLoss()));
            m.put("learning_rate", e.learningRate());
            m.put("seconds", e.seconds());
            m.put("skipped_steps", e.skippedSteps());
            if (e.validation() != null) {
                m.put("val", reportJson(e.validation(), both));
            }
            history.add(m);
        }
        Files.writeString(out.resolve("history.json"), JsonOutput.write(history) + "\n", StandardCharsets.UTF_8);
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("split", "test");
        r.put("videos", bench.splits().get("test").size());
        r.put("levels", levels);
        r.putAll(reportJson(report, both));
        Files.writeString(out.resolve("retrieval.json"), JsonOutput.write(r) + "\n", StandardCharsets.UTF_8);
    }

    private static Map<String, Object> reportJson(final RetrievalReport report, final boolean both) {
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("text_to_segment", RetrievalTables.json(report.textToSegment()));
        if (both) {
            r.put("text_to_window_parent", RetrievalTables.json(report.textToWindowParent()));
        }
        r.put("text_to_window_child_mean", RetrievalTables.json(report.textToWindowChildMean()));
        return r;
    }

    private static void requireEmpty(final Path dir) throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
            throw new IllegalArgumentException("--out " + dir + " must be a missing or empty directory");
        }
    }

    private static boolean hasEntries(final Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private CommandLine.ParameterException usage(final String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
