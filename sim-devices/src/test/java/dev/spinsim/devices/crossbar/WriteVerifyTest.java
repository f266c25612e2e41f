package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WriteVerifyTest {
  private static double rmsWeightError(boolean verify) {
    PresetDevices d =
        PresetDevices.of(
            Presets.load(
                "paper",
                List.of("crossbar.synapse.readNoiseSigma=0", "crossbar.synapse.stuckFraction=0")));
    CrossbarConfig c = d.crossbarConfig(42);
    Crossbar x =
        new Crossbar(
            new CrossbarConfig(
                c.rows(), c.columns(), c.readVoltageV(), c.readTimeNs(), false, 0, 42, verify),
            d.synapse(),
            d.crossbar(0).mapping());
    SplittableRandom rnd = new SplittableRandom(7);
    int rows = 128;
    int cols = 64;
    double[] w = new double[rows * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextDouble() * 2 - 1;
    }
    x.program(w, rows, cols);
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        double e = x.effectiveWeight(r, j) - w[r * cols + j];
        sum += e * e;
      }
    }
    return Math.sqrt(sum / w.length);
  }

  @Test
  void writeVerifyCancelsMostOfTheDeviceVariation() {
    double plain = rmsWeightError(false);
    double verified = rmsWeightError(true);
    // 5 % lognormal gain on ~0.5-1 G_max cells vs half a level step (1/126 of the range)
    assertTrue(verified < plain / 3, "verified " + verified + " vs plain " + plain);
    assertTrue(verified < 0.02, "verified rms error " + verified);
  }
}
