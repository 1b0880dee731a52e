package io.egostream.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.ModelConfig;
import io.egostream.model.nn.HierEgoPackConfig;
import org.junit.jupiter.api.Test;

/** The config module cannot see the model's presets, so this test keeps the two lists equal. */
class ModelPresetNamesTest {

    @Test
    void modelPresetKeyAllowsExactlyTheModelsPresets() {
        assertEquals(HierEgoPackConfig.presetNames(), ModelConfig.PRESET.enumValues());
        HierEgoPackConfig.preset(EgoStreamConfig.defaults().model().preset());
    }
}
