package io.egostream.cli.train;

import io.egostream.model.synth.PrototypeSource;
import io.egostream.training.bench.BenchmarkGenerator;
import io.egostream.training.bench.BenchmarkSettings;
import io.egostream.training.bench.BenchmarkSource;
import io.egostream.training.bench.SplitStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream benchmark generate --out DIR [--videos N] [--seed S] [--source NAME] [--feature-dim D]}:
 * writes the benchmark in the Ego4D formats and prints one line of statistics per split.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write the benchmark (Ego4D-format annotations + one .npy feature file per video) into DIR.")
public final class BenchmarkGenerateCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (missing or empty).")
    private Path out;

    @Option(names = "--videos", paramLabel = "N", defaultValue = "0",
            description = "Videos to use, chosen by the seed; 0 = all (default: ${DEFAULT-VALUE}).")
    private int videos;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the choice, split, labels and features; 42 = the simulated cameras' default "
                    + "(default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "epic-kitchens-100",
            description = "Timelines: epic-kitchens-100 or egtea-gaze-plus (default: ${DEFAULT-VALUE}).")
    private String source;

    @Option(names = "--feature-dim", paramLabel = "D", defaultValue = "256",
            description = "Feature dimension (default: ${DEFAULT-VALUE}, as model.feature-dim).")
    private int featureDim;

    @Option(names = "--prototypes", paramLabel = "SOURCE", defaultValue = "random",
            description = "Class prototypes of the generator: random or text, as the cameras' option (default: ${DEFAULT-VALUE}).")
    private String prototypes;

    @Option(names = "--videos-per-split", paramLabel = "N", defaultValue = "0",
            description = "Keep only the first N videos of each split (same split as the full benchmark); 0 = all"
                    + " (default: ${DEFAULT-VALUE}).")
    private int perSplit;

    @Override
    public Integer call() {
        final BenchmarkSettings settings;
        try {
            final BenchmarkSettings d = BenchmarkSettings.defaults(BenchmarkSource.of(source), videos, seed);
            settings = new BenchmarkSettings(d.source(), d.videos(), d.seed(), featureDim, d.clipSeconds(),
                    d.trainFraction(), d.valFraction(), PrototypeSource.ofOptionValue(prototypes), perSplit);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final int all = videos == 0 ? settings.source().annotations().timelines().size()
                : Math.min(videos, settings.source().annotations().timelines().size());
        final int total = perSplit > 0 ? Math.min(all, 3 * perSplit) : all;
        final List<SplitStatistics> stats;
        try (ProgressBar bar = Progress.bar("benchmark", total, spec)) {
            stats = BenchmarkGenerator.generate(out, settings, video -> {
                bar.setExtraMessage(video);
                bar.step();
            });
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("egostream benchmark generate: " + e.getMessage());
            return 1;
        }
        for (final SplitStatistics s : stats) {
            spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                    "%-5s videos %3d  hours %6.2f  features %7d  actions %5d  clips %4d  lta %5d  oscc %5d (pnr %4d)%n",
                    s.split(), s.videos(), s.hours(), s.features(), s.actions(), s.clips(), s.ltaSamples(),
                    s.stateChangeWindows(), s.stateChangePositives());
        }
        spec.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize());
        return 0;
    }
}
