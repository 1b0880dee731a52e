package io.egostream.training.language;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.egostream.training.data.TaskSamples;
import io.egostream.training.task.TeacherLogits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the teacher's logits in the file format the trainers' distillation option reads
 * ({@link TeacherLogits}): a JSON object {@code {uid: {"verb": [[class, logit], ...], "noun": [...]}}} whose
 * rows are sparse: {@code [class, logit]} pairs of the teacher's top-K classes (logits to 4 decimals), every
 * other class counting as minus infinity, i.e. probability 0 (distillation restricts the teacher to its top-K
 * classes anyway). Keys:
 * <ul>
 *   <li>AR action i of a clip, {@link TeacherLogits#arUid}: the teacher's next-action logits from the text of
 *       the actions before i;</li>
 *   <li>LTA future step z after observed action {@code last}, {@link TeacherLogits#ltaUid}: the teacher's
 *       step-z logits from the text of the {@value TaskSamples#LTA_INPUT_ACTIONS} observed actions, for every
 *       LTA sample of the clip (as {@link TaskSamples#lta} builds them).</li>
 * </ul>
 */
public final class TeacherLogitsWriter {

    private TeacherLogitsWriter() {}

    /**
     * Writes the file.
     *
     * @param file the JSON file
     * @param teacher the teacher
     * @param corpus the clips whose samples get logits (e.g. the training split the student learns from)
     * @param embedder the text encoder
     * @param topK classes written per row, &gt;= 1
     * @return the number of uids written
     * @throws IOException when the file cannot be written
     */
    public static int write(final Path file, final TextTeacher teacher, final ActionCorpus corpus,
            final TextEmbedder embedder, final int topK) throws IOException {
        if (topK < 1) {
            throw new IllegalArgumentException("teacher logits need top-K >= 1, got " + topK);
        }
        final TextTeacherConfig c = teacher.config();
        final int z = c.steps();
        final int input = TaskSamples.LTA_INPUT_ACTIONS;
        final TextTeacherTrainer.Embedded e = TextTeacherTrainer.embed(corpus, embedder, c.history());
        int written = 0;
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (final ActionCorpus.Clip clip : corpus.clips()) {
                final List<float[]> observed = new ArrayList<>();
                for (int j = 0; j <= clip.size(); j++) {
                    observed.add(e.observed().get(corpus.text(clip, j - c.history(), j)));
                }
                final float[][] obs = observed.toArray(new float[0][]);
                final float[][][] verbs = teacher.logits(obs, e.verbs(), true);
                final float[][][] nouns = teacher.logits(obs, e.nouns(), false);
                for (int i = 0; i < clip.size(); i++) {
                    entry(json, TeacherLogits.arUid(clip.clipUid(), clip.actionIdx()[i]), verbs[i][0], nouns[i][0],
                            topK);
                    written++;
                }
                for (int i = 0; i < clip.size() - input - z; i++) {
                    final int last = i + input - 1;
                    for (int step = 1; step <= z; step++) {
                        entry(json, TeacherLogits.ltaUid(clip.clipUid(), clip.actionIdx()[last], step),
                                verbs[last + 1][step - 1], nouns[last + 1][step - 1], topK);
                        written++;
                    }
                }
            }
            json.writeEndObject();
        }
        return written;
    }

    private static void entry(final JsonGenerator json, final String uid, final float[] verbs, final float[] nouns,
            final int topK) throws IOException {
        json.writeObjectFieldStart(uid);
        sparse(json, "verb", verbs, topK);
        sparse(json, "noun", nouns, topK);
        json.writeEndObject();
    }

    private static void sparse(final JsonGenerator json, final String name, final float[] logits, final int topK)
            throws IOException {
        final Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a])
                : Integer.compare(a, b));
        json.writeArrayFieldStart(name);
        for (int k = 0; k < Math.min(topK, order.length); k++) {
            json.writeStartArray();
            json.writeNumber(order[k]);
            json.writeNumber(Math.round(logits[order[k]] * 1e4) / 1e4);
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
