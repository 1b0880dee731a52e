package io.egostream.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDetectionCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(final String name, final String json) throws IOException {
        final Path p = dir.resolve(name);
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    private JsonNode eval(final Path gt, final Path pred, final String... more) throws IOException {
        final String[] args = new String[6 + more.length];
        args[0] = "eval";
        args[1] = "detection";
        args[2] = "--gt";
        args[3] = gt.toString();
        args[4] = "--pred";
        args[5] = pred.toString();
        System.arraycopy(more, 0, args, 6, more.length);
        final CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private Path activityNetGt() throws IOException {
        return write("gt.json", "{'version': 'x', 'database': {"
                + "'v1': {'subset': 'Test', 'duration': 30, 'annotations': ["
                + "  {'label': 'jump', 'segment': [0, 10], 'label_id': 3},"
                + "  {'label': 'jump', 'segment': [0.0004, 10.0002]},"
                + "  {'label': 'run', 'segment': [20, 30]}]},"
                + "'v2': {'subset': 'Validation', 'annotations': [{'label': 'run', 'segment': [0, 5]}]}}}");
    }

    @Test
    void printsMapPerThresholdApPerClassRecallAndGroundTruthCount() throws IOException {
        final Path pred = write("pred.json", "{'results': {"
                + "'v1': [{'label': 'jump', 'score': 0.9, 'segment': [0, 3]},"
                + "       {'label': 'run', 'score': 0.8, 'segment': [20, 30]},"
                + "       {'label': 'swim', 'score': 0.99, 'segment': [0, 30]}]}}");
        final JsonNode r = eval(activityNetGt(), pred, "--subset", "test");
        // jump: 2 ground truths (no de-dup), one prediction of tIoU 0.3 (fails 0.30000000000000004); run: AP 1
        assertEquals("[0.1,0.2,0.30000000000000004,0.4,0.5]", r.get("tiou").toString());
        assertEquals("[0.75,0.75,0.5,0.5,0.5]", r.get("mAP").toString());
        assertEquals("[0.5,0.5,0.0,0.0,0.0]", r.get("ap_per_class").get("jump").toString());
        assertEquals("[1.0,1.0,1.0,1.0,1.0]", r.get("ap_per_class").get("run").toString());
        assertFalse(r.get("ap_per_class").has("swim"));
        assertEquals(0.6, r.get("average_mAP").asDouble(), 1e-15);
        // Recall@1x: the one jump prediction recalls both jump ground truths (no one-to-one matching) below 0.3
        assertEquals("[1.0,1.0,0.5,0.5,0.5]", r.get("recall").get("1").toString());
        assertEquals(3, r.get("n_gt").asInt());
        assertFalse(r.has("retrieval"));
    }

    @Test
    void presetsAndSwitchesChangeThresholdsAndDedup() throws IOException {
        final Path pred = write("pred.json", "{'results': {'v1': [{'label': 'jump', 'score': 0.9, 'segment': [0, 3]}]}}");
        // actionformer de-duplicates: jump has one ground truth left
        final JsonNode af = eval(activityNetGt(), pred, "--subset", "Test", "--preset", "actionformer");
        assertEquals(2, af.get("n_gt").asInt());
        assertEquals("[1.0,1.0,0.0,0.0,0.0]", af.get("ap_per_class").get("jump").toString());
        final JsonNode noDedup = eval(activityNetGt(), pred, "--subset", "Test", "--preset", "actionformer",
                "--no-dedup-gt");
        assertEquals(3, noDedup.get("n_gt").asInt());
        // ego4d: the literal 0.3 threshold passes a tIoU of exactly 0.3
        final JsonNode ego4d = eval(activityNetGt(), pred, "--subset", "Test", "--preset", "ego4d", "--dedup-gt");
        assertEquals("[1.0,1.0,1.0,0.0,0.0]", ego4d.get("ap_per_class").get("jump").toString());
        final JsonNode list = eval(activityNetGt(), pred, "--tiou", "0.25,0.3", "--recall-topk", "2");
        assertEquals("[0.25,0.3]", list.get("tiou").toString());
        assertTrue(list.get("recall").has("2"));
        assertEquals(4, list.get("n_gt").asInt());
    }

    @Test
    void labelIdStandsInForAMissingLabel() throws IOException {
        final Path gt = write("g.json", "{'database': {'v': {'annotations': [{'label_id': 4, 'segment': [0, 10]},"
                + "{'label': 'x', 'label_id': 5, 'segment': [20, 30]}]}}}");
        final Path pred = write("p.json", "{'results': {'v': [{'label': 4, 'score': 0.5, 'segment': [0, 10]},"
                + "{'label': 'x', 'score': 0.5, 'segment': [20, 30]}]}}");
        final JsonNode r = eval(gt, pred);
        assertEquals("[\"4\",\"x\"]", JSON.valueToTree(r.get("ap_per_class").fieldNames()).toString());
        assertEquals(1.0, r.get("average_mAP").asDouble());
    }

    @Test
    void tieRuleSwitch() throws IOException {
        final Path gt = write("g.json", "{'database': {'v': {'annotations': [{'label': 1, 'segment': [0, 10]}]}}}");
        final Path pred = write("p.json", "{'results': {'v': [{'label': 1, 'score': 0.5, 'segment': [0, 10]},"
                + "{'label': 1, 'score': 0.5, 'segment': [20, 30]}]}}");
        assertEquals(0.5, eval(gt, pred, "--tiou", "0.5").get("average_mAP").asDouble());
        assertEquals(1.0, eval(gt, pred, "--tiou", "0.5", "--tie-rule", "earlier-first").get("average_mAP").asDouble());
    }

    @Test
    void readsEgo4dMomentsAndTheMqSubmissionWithRetrieval() throws IOException {
        final Path gt = write("moments_val.json", "{'version': 'v2', 'videos': [{'video_uid': 'V', 'split': 'val',"
                + " 'clips': [{'clip_uid': 'C1', 'video_start_sec': 100.0, 'annotations': ["
                + "   {'annotator_uid': 'a', 'labels': ["
                + "     {'label': 'cut', 'primary': true, 'start_time': 1.0, 'end_time': 5.0,"
                + "      'video_start_time': 101.0, 'video_end_time': 105.0},"
                + "     {'label': 'wash', 'primary': false, 'start_time': 1.0, 'end_time': 5.0}]},"
                + "   {'annotator_uid': 'b', 'labels': ["
                + "     {'label': 'cut', 'primary': true, 'video_start_time': 110.0, 'video_end_time': 120.0}]}]},"
                + "  {'clip_uid': 'C2', 'video_start_sec': 0, 'annotations': [{'labels': ["
                + "     {'label': 'cut', 'primary': true, 'start_time': 0, 'end_time': 2}]}]}]},"
                + " {'video_uid': 'W', 'split': 'train', 'clips': [{'clip_uid': 'C3', 'annotations': [{'labels': ["
                + "     {'label': 'cut', 'primary': true, 'start_time': 0, 'end_time': 2}]}]}]}]}");
        final Path pred = write("sub.json", "{'version': '1.0', 'challenge': 'ego4d_moment_queries',"
                + " 'detect_results': {'C1': [{'label': 'cut', 'score': 0.9, 'segment': [10, 20]},"
                + "                           {'label': 'cut', 'score': 0.8, 'segment': [1, 5]}]},"
                + " 'retrieve_results': {'C1': [{'label': 'cut', 'score': 0.8, 'segment': [1, 5]}]}}");
        final JsonNode r = eval(gt, pred, "--subset", "val", "--retrieval", "--tiou", "0.5");
        // ground truth: C1 cut [1,5] and [10,20] (video times minus 100), C2 cut [0,2]; both predictions hit
        assertEquals(3, r.get("n_gt").asInt());
        assertEquals(2.0 / 3, r.get("mAP").get(0).asDouble(), 1e-15);
        // retrieval uses retrieve_results: 1 of 3 at rank 1 (2 rows), C2 has no prediction at all
        final JsonNode ret = r.get("retrieval");
        assertEquals("[0.3,0.5,0.7]", ret.get("tiou").toString());
        assertEquals("[1,2,3,4,5]", ret.get("rank").toString());
        assertEquals(1.0 / 3, ret.get("recall").get(0).get(0).asDouble(), 1e-15);
        assertEquals(3, ret.get("n_gt").asInt());
    }

    @Test
    void malformedFilesNameTheFileThePointerAndTheExpectation() throws IOException {
        final Path gt = activityNetGt();
        final Path bad = write("bad.json", "{'results': {'v1': [{'label': 'a', 'score': 'high', 'segment': [1, 2]}]}}");
        final CliRun run = CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals("egostream eval detection: " + bad + ": at /results/v1/0/score: expected the score (a number), "
                + "found the string \"high\"\n", run.err());
        final Path seg = write("seg.json", "{'results': {'v1': [{'label': 'a', 'score': 1, 'segment': [1]}]}}");
        assertTrue(CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", seg.toString()).err()
                .contains(seg + ": at /results/v1/0/segment: expected the segment in seconds as [start, end] "
                        + "(2 numbers), found 1"));
        final Path missing = write("m.json", "{'results': {'v1': [{'label': 'a', 'segment': [1, 2]}]}}");
        assertTrue(CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", missing.toString()).err()
                .contains(missing + ": at /results/v1/0: missing \"score\" (a number)"));
        final Path cut = write("cut.json", "{'results': {'v1': [");
        final CliRun truncated = CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", cut.toString());
        assertEquals(1, truncated.exitCode());
        assertTrue(truncated.err().startsWith("egostream eval detection: " + cut + ": not valid JSON at line 1"),
                truncated.err());
        final Path noGt = write("nogt.json", "{'something': {}}");
        assertTrue(CliRun.of("eval", "detection", "--gt", noGt.toString(), "--pred", bad.toString()).err()
                .contains(noGt + ": at /: missing \"database\""));
        final Path badLabel = write("bl.json", "{'database': {'v': {'annotations': [{'label': 1.5, 'segment': [0, 1]}]}}}");
        assertTrue(CliRun.of("eval", "detection", "--gt", badLabel.toString(), "--pred", bad.toString()).err()
                .contains(badLabel + ": at /database/v/annotations/0/label: expected the label (a string or an "
                        + "integer), found the number 1.5"));
        final CliRun absent = CliRun.of("eval", "detection", "--gt", dir.resolve("none.json").toString(), "--pred",
                bad.toString());
        assertEquals(1, absent.exitCode());
        assertTrue(absent.err().contains("none.json: cannot read the file"), absent.err());
        assertFalse(absent.err().contains("\tat "), "no stack trace");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        final Path gt = activityNetGt();
        assertEquals(2, CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", gt.toString(), "--tiou",
                "0.1:0.5").exitCode());
        assertEquals(2, CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", gt.toString(), "--tie-rule",
                "random").exitCode());
        assertEquals(2, CliRun.of("eval", "detection", "--gt", gt.toString(), "--pred", gt.toString(), "--preset",
                "coco").exitCode());
        assertEquals(2, CliRun.of("eval", "detection", "--gt", gt.toString()).exitCode());
    }
}
