package io.egostream.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.ModelConfig;
import io.egostream.model.nn.HierEgoPackConfig;
import org.junit.jupiter.api.Test;

/** The config module cannot see the model's presets, so this test keeps the two lists equal (plus {@code shipped}). */
class ModelPresetNamesTest {

    @Test
    void modelPresetKeyAllowsExactlyTheModelsPresets() {
        final java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of(ModelConfig.SHIPPED));
        expected.addAll(HierEgoPackConfig.presetNames());
        assertEquals(expected, ModelConfig.PRESET.enumValues());
        assertEquals(ModelConfig.SHIPPED, EgoStreamConfig.defaults().model().preset());
        assertTrue(EgoStreamConfig.defaults().model().shippedModel());
    }
}
