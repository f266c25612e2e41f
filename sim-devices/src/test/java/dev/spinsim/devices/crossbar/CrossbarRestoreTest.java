package dev.spinsim.devices.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spinsim.devices.synapse.SkyrmionSynapse;
import dev.spinsim.devices.synapse.SynapseNonIdealities;
import org.junit.jupiter.api.Test;

/**
 * A crossbar restored from another's programmed cells (how a chip build is kept across processes)
 * reads like that crossbar, bit for bit, with every non-ideality on.
 */
class CrossbarRestoreTest {
  private static final SkyrmionSynapse NOISY =
      new SkyrmionSynapse(
          SkyrmionSynapse.DEFAULTS.withNonIdealities(
              new SynapseNonIdealities(0.05, 0.02, 0.01, 0.01)));

  @Test
  void aRestoredCrossbarReadsLikeTheProgrammedOne() {
    for (WeightMapping mapping :
        new WeightMapping[] {new DifferentialMapping(), new OffsetMapping()}) {
      CrossbarConfig config = new CrossbarConfig(128, 128, 0.1, 10, true, 2.0, 9, false);
      Crossbar programmed = new Crossbar(config, NOISY, mapping);
      int rows = 100;
      int cols = Math.min(50, programmed.weightCapacity());
      double[] w = CrossbarTest.randomWeights(rows * cols, 4);
      programmed.program(w, rows, cols);
      Crossbar restored = Crossbar.restore(config, NOISY, mapping, programmed.programmedCells());
      assertEquals(programmed.usedRows(), restored.usedRows());
      assertEquals(programmed.usedColumns(), restored.usedColumns());
      assertEquals(
          programmed.meanProgrammedConductanceSiemens(),
          restored.meanProgrammedConductanceSiemens());
      for (int r = 0; r < 128; r++) {
        for (int c = 0; c < 128; c++) {
          assertEquals(programmed.level(r, c), restored.level(r, c), mapping.name());
          assertEquals(
              programmed.effectiveConductanceSiemens(r, c),
              restored.effectiveConductanceSiemens(r, c),
              mapping.name());
        }
      }
      int[] active = {0, 3, 17, 99};
      float[] drive = {1f, -0.5f, 0.25f, 2f};
      float[] want = new float[programmed.readBufferLength()];
      float[] got = new float[want.length];
      programmed.readActive(active, drive, active.length, want, 5, 6, 1);
      restored.readActive(active, drive, active.length, got, 5, 6, 1);
      assertArrayEquals(want, got, mapping.name() + ": a noisy read");
      float[] other = new float[want.length];
      restored.readActive(active, drive, active.length, other, 5, 7, 1);
      assertNotEquals(got[0], other[0], "the read is noisy (another key, another draw)");
      assertThrows(IllegalStateException.class, () -> restored.program(w, rows, cols));
    }
  }

  @Test
  void cellsThatDoNotFitTheArrayAreRefused() {
    CrossbarConfig config = CrossbarConfig.defaults(3);
    Crossbar programmed = new Crossbar(config, NOISY, new DifferentialMapping());
    programmed.program(CrossbarTest.randomWeights(8 * 5, 1), 8, 5);
    Crossbar.ProgrammedCells cells = programmed.programmedCells();
    CrossbarConfig narrow = new CrossbarConfig(128, 64, 0.1, 10, false, 1.0, 3, false);
    assertThrows(
        IllegalArgumentException.class,
        () -> Crossbar.restore(narrow, NOISY, new DifferentialMapping(), cells));
    Crossbar.ProgrammedCells cut =
        new Crossbar.ProgrammedCells(
            cells.usedRows(),
            cells.usedColumns(),
            cells.levels(),
            java.util.Arrays.copyOf(cells.conductanceSiemens(), 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> Crossbar.restore(config, NOISY, new DifferentialMapping(), cut));
  }
}
