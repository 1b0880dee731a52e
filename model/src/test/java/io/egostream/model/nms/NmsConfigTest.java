package io.egostream.model.nms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NmsConfigTest {

    @Test
    void presetsCarryTheReferenceValues() {
        final NmsConfig hep = NmsConfig.preset("hier-egopack");
        assertEquals(NmsMethod.SOFT_GAUSSIAN, hep.method());
        assertEquals(2.0, hep.sigma());
        assertEquals(0.1, hep.iouThreshold());
        assertEquals(0.001, hep.minScore());
        assertEquals(2000, hep.maxSegments());
        assertFalse(hep.classAgnostic());
        assertEquals(0.9, NmsConfig.preset("actionformer-ego4d").sigma());
        assertEquals(0.5, NmsConfig.preset("thumos").sigma());
        assertEquals(200, NmsConfig.preset("thumos").maxSegments());
        assertEquals(0.4, NmsConfig.preset("epic").sigma());
        final NmsConfig anet = NmsConfig.preset("anet");
        assertTrue(anet.classAgnostic());
        assertEquals(0.9, anet.votingThreshold());
        assertEquals(0.75, anet.sigma());
        assertEquals(100, anet.maxSegments());
        assertEquals(5000, NmsPreset.HIER_EGOPACK.preNms().topK());
        assertEquals(2000, NmsPreset.THUMOS.preNms().topK());
        assertEquals(0.001, NmsPreset.ANET.preNms().minDuration());
        assertEquals(0.05, NmsPreset.EPIC.preNms().minDuration());
    }

    @Test
    void unknownNamesAreRejectedWithTheAllowedOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NmsConfig.preset("coco"));
        assertEquals("NMS preset 'coco' is not one of hier-egopack, actionformer-ego4d, thumos, epic, anet",
                e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NmsMethod.fromId("soft"))
                .getMessage().contains("'soft'"));
    }

    @Test
    void invalidValuesAreRejectedNamingTheValue() {
        assertEquals("NMS sigma must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> NmsConfig.softGaussian(0, 0.001, 10)).getMessage());
        assertEquals("NMS iouThreshold must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> NmsConfig.hard(1.5, 0.001, 10)).getMessage());
        assertEquals("NMS minScore must be in [0, 1], got -0.1", assertThrows(IllegalArgumentException.class,
                () -> NmsConfig.hard(0.5, -0.1, 10)).getMessage());
        assertEquals("NMS maxSegments must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> NmsConfig.hard(0.5, 0.001, 0)).getMessage());
        assertEquals("NMS votingThreshold must be in [0, 1], got NaN", assertThrows(IllegalArgumentException.class,
                () -> NmsConfig.hard(0.5, 0.001, 1).withClassAgnosticVoting(Double.NaN)).getMessage());
    }

    @Test
    void withersChangeOneValue() {
        final NmsConfig c = NmsConfig.softGaussian(0.5, 0.001, 10).withSigma(0.9).withMaxSegments(5)
                .withMinScore(0.01).withIouThreshold(0.2).withMethod(NmsMethod.SOFT_LINEAR);
        assertEquals(new NmsConfig(NmsMethod.SOFT_LINEAR, 0.2, 0.9, 0.01, 5, false, 0), c);
        assertFalse(c.withClassAgnosticVoting(0.9).withMulticlass().classAgnostic());
    }
}
