package io.egostream.training.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.MiniEgo4d;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionSequenceTeacherTest {

    @TempDir Path tmp;

    @Test
    void logitsShouldBeTheLogOfSmoothedTransitionCounts() throws Exception {
        // 24 actions in one clip: verb k follows verb k - 1 (30 verbs); noun 29 - k
        MiniEgo4d.write(tmp);
        final Ego4dDataset d = Ego4dDataset.load(new Ego4dDataDir(tmp), "train", FeatureGrid.EGOVLP);
        final Map<String, Map<String, float[]>> logits = ActionSequenceTeacher.fit(d).logits(d);
        // a clip's first action: the add-one prior, seen verbs (1 + 1) / (30 + 24)
        assertEquals(Math.log(2.0 / 54), logits.get("c1#0").get("verb")[0], 1e-6);
        assertEquals(Math.log(1.0 / 54), logits.get("c1#0").get("verb")[29], 1e-6);
        // action 5 after verb 4: row 4 of the transitions is (1 everywhere + 1 at verb 5) / 31
        assertEquals(Math.log(2.0 / 31), logits.get("c1#5").get("verb")[5], 1e-6);
        assertEquals(Math.log(1.0 / 31), logits.get("c1#5").get("verb")[6], 1e-6);
        // LTA sample 0 observed actions 0 and 1: the next verb after verb 1 is verb 2 with 2 / 31
        assertEquals(Math.log(2.0 / 31), logits.get("c1#1+1").get("verb")[2], 1e-6);
        // two steps ahead, sum_j T[1][j] T[j][3]: j = 2 gives (2/31)(2/31); the other 22 verbs with a successor
        // (rows sum to 31) give (1/31)(1/31) each; verbs 23..29 have none (uniform rows, 1/30) and give (1/31)(1/30)
        final double twoSteps = (2.0 / 31) * (2.0 / 31) + 22 * (1.0 / 31) * (1.0 / 31) + 7 * (1.0 / 31) * (1.0 / 30);
        assertEquals(Math.log(twoSteps), logits.get("c1#1+2").get("verb")[3], 1e-5);
        assertEquals(20 + 20 + 24, logits.size());
        // top 3: the three largest logits kept, the rest minus infinity
        final float[] top = ActionSequenceTeacher.fit(d).logits(d, 3).get("c1#5").get("verb");
        final float[] all = logits.get("c1#5").get("verb");
        int finite = 0;
        for (int c = 0; c < top.length; c++) {
            if (Float.isFinite(top[c])) {
                finite++;
                assertEquals(all[c], top[c]);
            }
        }
        assertEquals(3, finite);
        assertEquals(all[5], top[5]);
    }

    @Test
    void sparseTeacherFilesShouldReadAsMinusInfinityOutsideTheGivenClasses() throws Exception {
        final Path f = tmp.resolve("t.json");
        java.nio.file.Files.writeString(f, "{\"c#1\": {\"verb\": [[2, 0.5], [0, -1.0]], \"noun\": [1, 2, 3]}}");
        final TeacherLogits t = TeacherLogits.read(f, 4, 3);
        assertEquals(-1.0f, t.verbs().get("c#1")[0]);
        assertEquals(Float.NEGATIVE_INFINITY, t.verbs().get("c#1")[1]);
        assertEquals(0.5f, t.verbs().get("c#1")[2]);
        assertEquals(3f, t.nouns().get("c#1")[2]);
        final io.egostream.training.data.DataException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.egostream.training.data.DataException.class, () -> TeacherLogits.read(f, 2, 3));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("c#1"), e.getMessage());
    }
}
