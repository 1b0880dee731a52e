package io.egostream.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalTaskCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(final String name, final String json) throws IOException {
        final Path p = dir.resolve(name);
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    private static JsonNode ok(final String... args) throws IOException {
        final CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void arReportsTopKAndMacroMapPerHead() throws IOException {
        final Path in = write("ar.json", "{'verb': {'logits': [[0.1, 0.5, 0.4], [0.3, 0.3, 0.2], [1, 2, 3], [9, 0, 0]],"
                + " 'labels': [2, 1, 0, -1]}, 'noun': {'logits': [[0.9, 0.2], [0.4, 0.7]], 'labels': [0, 1]}}");
        final JsonNode r = ok("eval", "ar", "--in", in.toString());
        assertEquals(0.0, r.get("verb").get("top1").asDouble());
        assertEquals(2.0 / 3, r.get("verb").get("top2").asDouble(), 1e-15);
        assertEquals(1.0, r.get("verb").get("top3").asDouble());
        assertTrue(r.get("verb").get("top5").isNull(), "k > C");
        assertEquals(3, r.get("verb").get("n").asInt());
        assertEquals(3, r.get("verb").get("classes").asInt());
        assertEquals(3, r.get("verb").get("classes_with_positives").asInt());
        assertEquals(1.0, r.get("noun").get("top1").asDouble());
        assertEquals(1.0, r.get("noun").get("mAP").asDouble());
        final Path bad = write("bad.json", "{'verb': {'logits': [[1, 2]], 'labels': [5]}}");
        final CliRun run = CliRun.of("eval", "ar", "--in", bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals("egostream eval ar: " + bad + ": at /verb: label 5 of sample 0 is not in [0, 2) nor the ignored "
                + "label -1\n", run.err());
    }

    @Test
    void osccReportsBothVariants() throws IOException {
        final Path in = write("oscc.json", "{'logits': [[1, 2], [3, 3], [0, 1], [5, 1]], 'labels': [1, 0, -1, 1]}");
        final JsonNode r = ok("eval", "oscc", "--in", in.toString());
        assertEquals(2.0 / 3, r.get("accuracy").asDouble(), 1e-15);
        assertEquals(0.5, r.get("accuracy_all").asDouble());
        assertEquals(4, r.get("n").asInt());
        assertEquals(3, r.get("n_labelled").asInt());
        final Path bad = write("b.json", "{'logits': [[1, 2]]}");
        assertEquals("egostream eval oscc: " + bad + ": at /: missing \"labels\" ([N] of -1, 0, 1)\n",
                CliRun.of("eval", "oscc", "--in", bad.toString()).err());
    }

    @Test
    void pnrReportsBothKeyframeErrorsAndAuroc() throws IOException {
        // clip 1: HEP argmax 3 -> frame 145, PNR 190: 1.5 s; Ego4D index 3 -> 45 frames at 241/8 fps
        // clip 2: no state change, ignored; clip 3: peak at index 6 = PNR exactly
        final String low = "[-1,-1,-1,0.5,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1]";
        final String exact = "[-1,-1,-1,-1,-1,-1,2,-1,-1,-1,-1,-1,-1,-1,-1,-1]";
        final Path in = write("pnr.json", "{'clips': ["
                + "{'logits': " + low + ", 'start_frame': 100, 'end_frame': 340, 'pnr_frame': 190, 'start_sec': 10,"
                + " 'end_sec': 18, 'state_change': true},"
                + "{'logits': " + low + ", 'start_frame': 0, 'end_frame': 240, 'pnr_frame': null, 'state_change': false},"
                + "{'logits': " + exact + ", 'start_frame': 100, 'end_frame': 340, 'pnr_frame': 190, 'start_sec': 10,"
                + " 'end_sec': 18}]}");
        final JsonNode r = ok("eval", "pnr", "--in", in.toString());
        assertEquals(0.75, r.get("hier_egopack").get("keyframe_error_s").asDouble(), 1e-15);
        assertEquals(2, r.get("hier_egopack").get("n").asInt());
        assertEquals(45 / (241 / 8.0) / 2, r.get("ego4d").get("keyframe_error_s").asDouble(), 1e-15);
        assertEquals(3, r.get("n_clips").asInt());
        // 32 frames, positives at index 6 of each clip: clip 1's scores -1 and ties the 29 negatives at -1 (half
        // each) below the negative at 0.5; clip 3's scores 2 and beats all 30 negatives
        final double auroc = r.get("hier_egopack").get("auroc").asDouble();
        assertEquals((29 * 0.5 + 30) / 60.0, auroc, 1e-12);
        final JsonNode batches = ok("eval", "pnr", "--in", in.toString(), "--batch-size", "2");
        // batches [clip 1, clip 2] and [clip 3]: means 45/(241/8) and 0
        assertEquals(45 / (241 / 8.0) / 2, batches.get("ego4d").get("keyframe_error_s").asDouble(), 1e-15);
        final Path short16 = write("s.json", "{'clips': [{'logits': [1, 2], 'start_frame': 0, 'end_frame': 10,"
                + " 'pnr_frame': 3}]}");
        assertEquals("egostream eval pnr: " + short16 + ": at /clips/0: expected 16 logits, found 2\n",
                CliRun.of("eval", "pnr", "--in", short16.toString()).err());
    }

    @Test
    void ltaReportsEditDistanceAndAuedFromOwnOrEgo4dGroundTruth() throws IOException {
        final Path gt = write("gt.json", "{'c_1': {'verb': [1, 2, 3, 4], 'noun': [7, 7, 7, 7]},"
                + " 'c_2': {'verb': [5, 5, 6, 6], 'noun': [1, 2, 3, 4]}}");
        final Path pred = write("pred.json", "{'c_1': {'verb': [[1, 2, 3, 4], [4, 3, 2, 1]],"
                + " 'noun': [[7, 7, 7, 7], [0, 0, 0, 0]]},"
                + " 'c_2': {'verb': [[5, 6, 5, 6], [6, 6, 6, 6]], 'noun': [[1, 2, 3, 4], [1, 2, 3, 4]]},"
                + " 'other_9': {'verb': [[1, 1, 1, 1]], 'noun': [[1, 1, 1, 1]]}}");
        final JsonNode r = ok("eval", "lta", "--gt", gt.toString(), "--pred", pred.toString());
        assertEquals(0.25, r.get("verb").get("ed").asDouble());
        assertEquals("[0.0,0.25,0.3333333333333333,0.25]", r.get("verb").get("ed_at").toString());
        assertEquals(((0 + 0.25) / 2 + (0.25 + 1.0 / 3) / 2 + (1.0 / 3 + 0.25) / 2) / 3,
                r.get("verb").get("aued").asDouble(), 1e-15);
        assertEquals(0.0, r.get("noun").get("ed").asDouble());
        assertEquals(2, r.get("n").asInt());
        assertEquals(4, r.get("z").asInt());
        assertEquals(1, r.get("extra_predictions").asInt());
        // Ego4D fho_lta: clip A has actions 0..4 (file out of order); 2 observed + 2 future gives A_1 and A_2
        final Path ego = write("fho_lta_val.json", "{'version': '2', 'clips': ["
                + "{'clip_uid': 'A', 'action_idx': 2, 'verb_label': 12, 'noun_label': 22},"
                + "{'clip_uid': 'A', 'action_idx': 0, 'verb_label': 10, 'noun_label': 20},"
                + "{'clip_uid': 'A', 'action_idx': 1, 'verb_label': 11, 'noun_label': 21},"
                + "{'clip_uid': 'A', 'action_idx': 3, 'verb_label': 13, 'noun_label': 23},"
                + "{'clip_uid': 'A', 'action_idx': 4, 'verb_label': 14, 'noun_label': 24}]}");
        final Path sub = write("sub.json", "{'A_1': {'verb': [[12, 13]], 'noun': [[22, 0]]},"
                + " 'A_2': {'verb': [[13, 14], [0, 0]], 'noun': [[23, 24]]}}");
        final JsonNode e = ok("eval", "lta", "--gt", ego.toString(), "--pred", sub.toString(), "--z", "2");
        assertEquals(0.0, e.get("verb").get("ed").asDouble());
        assertEquals(0.25, e.get("noun").get("ed").asDouble());
        final Path missing = write("miss.json", "{'A_1': {'verb': [[12, 13]], 'noun': [[22, 0]]}}");
        final CliRun run = CliRun.of("eval", "lta", "--gt", ego.toString(), "--pred", missing.toString(), "--z", "2");
        assertEquals(1, run.exitCode());
        assertEquals("egostream eval lta: " + missing + ": no prediction for sample \"A_2\" of " + ego + "\n",
                run.err());
    }
}
