package io.egostream.cli.train;

import io.egostream.model.nn.ModelFormatException;
import io.egostream.training.data.DataException;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.run.EpochRecord;
import io.egostream.training.run.Stage;
import io.egostream.training.run.TrainingListener;
import io.egostream.training.run.TrainingPlan;
import io.egostream.training.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;

/** What the three stage commands share: build the plan, run it with a progress bar, report. */
final class TrainStageCommand {

    private TrainStageCommand() {
    }

    static int run(final CommandLine.Model.CommandSpec spec, final TrainOptions options, final Stage stage,
            final List<String> tasks, final Path init) {
        options.applyThreads(spec);
        final TrainingPlan plan = options.plan(spec, stage, tasks);
        final Path runDir = options.runDir(spec);
        final String name = "egostream train " + stage.id();
        final ProgressBar[] bar = new ProgressBar[1];
        try {
            final TrainingRun run = new TrainingRun(plan, new Ego4dDataDir(options.data), runDir, init,
                    options.modelId);
            final Path model = run.run(options.resume != null, new TrainingListener() {
                @Override
                public void started(final long totalSteps, final long doneSteps) {
                    bar[0] = Progress.bar(stage.id(), totalSteps, spec);
                    bar[0].stepTo(doneSteps);
                }

                @Override
                public void stepDone(final int epoch, final long step, final Map<String, Double> losses) {
                    bar[0].stepTo(step);
                    bar[0].setExtraMessage(" epoch " + epoch + " " + format(losses));
                }

                @Override
                public void epochDone(final EpochRecord r) {
                    spec.commandLine().getErr().printf(Locale.ROOT, "%nepoch %d: train %s  val %s  (%.0f s)%n",
                            r.epoch(), format(r.trainLoss()), format(r.valLoss()), r.seconds());
                }
            });
            if (bar[0] != null) {
                bar[0].close();
            }
            spec.commandLine().getOut().println("model written to " + model.toAbsolutePath().normalize());
            return 0;
        } catch (IllegalArgumentException e) {
            closeBar(bar[0]);
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (DataException | IOException | ModelFormatException e) {
            closeBar(bar[0]);
            spec.commandLine().getErr().println(name + ": " + e.getMessage());
            return 1;
        }
    }

    private static void closeBar(final ProgressBar bar) {
        if (bar != null) {
            bar.close();
        }
    }

    static String format(final Map<String, Double> losses) {
        return losses.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
