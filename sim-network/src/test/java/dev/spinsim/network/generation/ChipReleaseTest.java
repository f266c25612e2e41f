package dev.spinsim.network.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.run.ImageQuality;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.run.Stage;
import dev.spinsim.network.run.StageStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chip lets its values go after the run and still reports what the run counted. */
class ChipReleaseTest {
  @Test
  void releasingTheValuesKeepsEveryCountAndStopsComputing() {
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    GenerationSetup s =
        new GenerationSetup(
            ModelLoader.load("fmnist"),
            GenerationTest.randomNetwork(true, 1),
            null,
            d,
            new DenseMapping(),
            ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
            7);
    GenerationResult r = Generation.run(s, 2, RunMode.FUNCTIONAL, TraceSink.off(), i -> {});
    Chip chip = r.chip();
    List<StageStats> before = new ArrayList<>();
    for (Stage st : chip.stages()) {
      before.add(st.stats());
    }
    ImageQuality q = ImageQuality.ofRmse(new double[] {0.1, 0.2});
    List<String> metricsBefore = r.metrics("paper", "", q, 0).cells();
    assertTrue(before.stream().anyMatch(st -> st.adcConversions() > 0));

    chip.releaseValues();

    List<StageStats> after = new ArrayList<>();
    for (Stage st : chip.stages()) {
      after.add(st.stats());
    }
    assertEquals(before, after);
    assertEquals(metricsBefore, r.metrics("paper", "", q, 0).cells());
    assertThrows(IllegalStateException.class, () -> chip.image(0));
    assertThrows(IllegalStateException.class, () -> chip.beginBatch(0));
    assertThrows(IllegalStateException.class, () -> chip.stages()[0].values().computeVector(0, 0));
  }
}
