package io.egostream.training.language;

import io.egostream.training.data.Ego4dDataDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code egostream train teacher --kind text}: trains the text-derived teacher on the training split of a data
 * directory plus every split of other datasets (their action orders only), scores it on the held-out splits,
 * and writes the teacher logits of one split.
 */
public final class TextTeacherRun {

    private TextTeacherRun() {}

    /**
     * What the run needs.
     *
     * @param data the student's data directory (its {@code train} split trains the teacher)
     * @param extraData other datasets whose every split trains the teacher too (e.g. EGTEA Gaze+)
     * @param split the split whose samples get logits
     * @param out the teacher-logits file
     * @param config the teacher's shape
     * @param budget the teacher's training budget
     * @param topK classes written per row
     */
    public record Settings(Path data, List<Path> extraData, String split, Path out, TextTeacherConfig config,
            TrainingBudget budget, int topK) {

        /** Copies the list. */
        public Settings {
            extraData = List.copyOf(extraData);
        }
    }

    /**
     * The outcome.
     *
     * @param report the teacher's scores on the held-out splits
     * @param written uids written
     */
    public record Outcome(TeacherReport report, int written) {
    }

    /**
     * Runs.
     *
     * @param s the settings
     * @param embedder the text encoder
     * @param progress receives a line per stage
     * @return the report and the number of uids written
     * @throws IOException when the file cannot be written
     */
    public static Outcome run(final Settings s, final TextEmbedder embedder, final Consumer<String> progress)
            throws IOException {
        final Ego4dDataDir dir = new Ego4dDataDir(s.data());
        final String name = s.data().toAbsolutePath().normalize().getFileName().toString();
        final ActionCorpus train = ActionCorpus.read(dir, List.of("train"), name);
        final List<ActionCorpus> corpora = new ArrayList<>(List.of(train));
        for (final Path extra : s.extraData()) {
            corpora.add(ActionCorpus.read(new Ego4dDataDir(extra), List.of("train", "val", "test"),
                    extra.toAbsolutePath().normalize().getFileName().toString()));
        }
        corpora.forEach(c -> progress.accept("corpus " + c.name() + ": " + c.clips().size() + " clips, "
                + c.actions() + " actions"));
        final TextTeacher teacher = TextTeacherTrainer.train(corpora, embedder, s.config(), s.budget(),
                epoch -> progress.accept("epoch " + epoch + "/" + s.budget().epochs()));
        progress.accept("teacher loss by epoch " + teacher.epochLosses());
        final ActionCorpus heldOut = ActionCorpus.read(dir, List.of("val", "test"), name + " val+test");
        final TeacherReport report = TeacherEvaluation.evaluate(teacher, train, heldOut, embedder);
        final ActionCorpus target = "train".equals(s.split()) ? train : ActionCorpus.read(dir, List.of(s.split()), name);
        final int written = TeacherLogitsWriter.write(s.out(), teacher, target, embedder, s.topK());
        return new Outcome(report, written);
    }
}
