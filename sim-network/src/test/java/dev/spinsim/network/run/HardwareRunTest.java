package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.resource.Resource;
import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.PresetEnergyTable;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.generation.Generation;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.generation.GenerationTest;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardwareRunTest {
  private static final int IMAGES = 5;
  private static final int SLOTS = 2;

  /** fmnist with random weights on the paper chip, seed 7. */
  private static GenerationSetup paperSetup() {
    PresetDevices d = PresetDevices.of(Presets.load("paper"));
    return new GenerationSetup(
        ModelLoader.load("fmnist"),
        GenerationTest.randomNetwork(true, 1),
        null,
        d,
        new DenseMapping(),
        ChipBuilder.optionsFor(d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
        7);
  }

  /**
   * Runs {@link #IMAGES} fmnist images on the paper chip in batches of {@link #SLOTS}, the events
   * on their own thread while the values are computed ({@code concurrent}) or after them; returns
   * everything the run shows, and adds to {@code log} the captures and the progress in order.
   */
  private static String run(boolean concurrent, List<String> log) {
    GenerationSetup s = paperSetup();
    PresetDevices d = s.devices();
    Chip chip = Generation.buildChip(s, SLOTS);
    Stage[] stages = chip.stages();
    HardwareRun run = HardwareRun.begin(stages, IMAGES, RunMode.CYCLE_ACCURATE);
    float[] z = Generation.latents(7, IMAGES, s.model().latent());
    java.util.function.IntConsumer progress = i -> log.add("done " + i);
    if (concurrent) {
      run.startWindow(0, IMAGES, chip.ledger(), TraceSink.off(), null, progress);
    }
    for (int b0 = 0; b0 < IMAGES; b0 += SLOTS) {
      int count = Math.min(SLOTS, IMAGES - b0);
      chip.beginBatch(b0);
      for (int i = 0; i < count; i++) {
        int latent = s.model().latent();
        chip.setLatent(
            i, java.util.Arrays.copyOfRange(z, (b0 + i) * latent, (b0 + i + 1) * latent));
      }
      for (Stage st : stages) {
        st.values().computeImages(0, count, st.vectorsPerImage());
      }
      log.add("captured " + (b0 + count));
      run.captureDrives(b0, count);
    }
    if (concurrent) {
      run.finishWindow();
    } else {
      run.simulateWindow(0, IMAGES, chip.ledger(), TraceSink.off(), null, progress, false);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < IMAGES; i++) {
      b.append(run.imageStartPs(i)).append(' ').append(run.imageDonePs(i)).append('\n');
    }
    b.append(run.makespanPs()).append(' ').append(run.eventsProcessed()).append('\n');
    var ledger = chip.ledger();
    for (var c : ledger.components()) {
      for (int a = 0; a < ledger.actions().size(); a++) {
        b.append(c.name()).append(' ').append(ledger.count(c.id(), a)).append('\n');
      }
    }
    var table = PresetEnergyTable.build(d);
    b.append("peak ").append(run.activity().peakPowerMw(stages, ledger, table)).append('\n');
    b.append("mean ").append(run.activity().meanPowerMw(stages, ledger, table)).append('\n');
    for (Stage st : stages) {
      for (Resource r : st.resources()) {
        b.append(r.name()).append(' ').append(r.acquisitions()).append(' ').append(r.busyPs());
        b.append(' ').append(r.waitPs()).append(' ').append(r.peakQueueLength()).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * A run's memory does not grow with its images: per-image times are kept for the first images
   * only (a billion-image run once asked for 64 GB before its first image), and asking for a later
   * image's time says so.
   */
  @Test
  void aRunOfABillionImagesKeepsTheTimesOfTheFirstOnly() {
    GenerationSetup s = paperSetup();
    Stage[] stages = Generation.buildChip(s, 1).stages();
    HardwareRun run = HardwareRun.begin(stages, 1_000_000_000, RunMode.CYCLE_ACCURATE);
    assertEquals(0, run.latencyPs(HardwareRun.KEPT_IMAGE_TIMES - 1));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> run.latencyPs(HardwareRun.KEPT_IMAGE_TIMES));
    assertTrue(e.getMessage().contains("kept for the first 4096 images"), e.getMessage());
  }

  @Test
  void eventsOnTheirOwnThreadGiveTheTimesCountsAndPowerOfEventsAfterTheValues() {
    List<String> after = new ArrayList<>();
    List<String> during = new ArrayList<>();
    assertEquals(run(false, after), run(true, during));
    // each image is reported once, in order, and only once its values are computed
    List<String> done = during.stream().filter(l -> l.startsWith("done")).toList();
    assertEquals(List.of("done 0", "done 1", "done 2", "done 3", "done 4"), done);
    for (int i = 0; i < IMAGES; i++) {
      int reported = during.indexOf("done " + i);
      int captured = during.indexOf("captured " + Math.min(IMAGES, (i / SLOTS + 1) * SLOTS));
      assertTrue(captured >= 0 && captured < reported, during.toString());
    }
  }
}
