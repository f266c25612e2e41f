package dev.spinsim.devices.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.config.ConfigException;
import dev.spinsim.core.config.ConfigLoader;
import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.core.energy.EnergyTable;
import dev.spinsim.devices.activation.DomainWallLeakyRelu;
import dev.spinsim.devices.activation.DomainWallRelu;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.ReadoutChain;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.synapse.SkyrmionSynapse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetTest {
  private static ComponentInfo component(String cls, Map<String, Double> attrs) {
    return new ComponentInfo(0, cls, cls, "", attrs);
  }

  /**
   * A buffer's size moves its static power (linearly, with its cells) and its energy per bit (as
   * the square root, with its bitlines), not only its area: a 4x larger input buffer leaks 4x and
   * costs 2x per bit; the shipped presets give the size their figures are for.
   */
  @Test
  void aBuffersSizeMovesItsLeakageAndEnergyPerBit() {
    for (String name : Presets.NAMES) {
      BufferSpec in = Presets.load(name).tile().inputBuffer();
      assertEquals(in.sizeBytes(), in.referenceSizeBytes(), name);
      assertEquals(in.energyPerBitPj(), in.scaledEnergyPerBitPj(), 1e-15, name);
      assertEquals(in.leakageMw(), in.scaledLeakageMw(), 1e-15, name);
    }
    Preset base = Presets.load("paper");
    Preset big = Presets.load("paper", List.of("tile.inputBuffer.sizeBytes=131072"));
    Preset small = Presets.load("paper", List.of("tile.outputBuffer.sizeBytes=1024"));
    BufferSpec b = base.tile().inputBuffer();
    assertEquals(4 * b.leakageMw(), big.tile().inputBuffer().scaledLeakageMw(), 1e-12);
    assertEquals(2 * b.energyPerBitPj(), big.tile().inputBuffer().scaledEnergyPerBitPj(), 1e-12);
    BufferSpec o = base.tile().outputBuffer();
    assertEquals(o.leakageMw() / 4, small.tile().outputBuffer().scaledLeakageMw(), 1e-12);
    assertEquals(o.energyPerBitPj() / 2, small.tile().outputBuffer().scaledEnergyPerBitPj(), 1e-12);
    // and the energy table prices what the block says
    EnergyTable t = PresetEnergyTable.build(PresetDevices.of(big));
    ComponentInfo c = component(ComponentClasses.INPUT_BUFFER, Map.of(ComponentClasses.COUNT, 1.0));
    assertEquals(4 * b.leakageMw(), t.leakageMw(c), 1e-12);
    assertThrows(
        ConfigException.class,
        () -> Presets.load("paper", List.of("tile.inputBuffer.referenceSizeBytes=0")));
  }

  @Test
  void everyShippedPresetLoadsAndBuildsItsDevicesAndEnergyTable() {
    for (String name : Presets.NAMES) {
      Preset p = Presets.load(name);
      assertEquals(name, p.name());
      PresetDevices d = PresetDevices.of(p);
      Crossbar xb = d.crossbar(1);
      assertTrue(xb.weightCapacity() >= 1);
      EnergyTable t = PresetEnergyTable.build(d);
      assertTrue(
          t.prices(ComponentClasses.ADC) && t.prices("dw_relu") || t.prices("digital_relu"), name);
    }
  }

  @Test
  void calibrationIsaacTileFullyBusyDraws330MilliwattPlusMinus5Percent() {
    TileBudget b = TileBudget.fullyBusy(Presets.load("isaac"));
    assertEquals(
        330,
        b.powerMw(),
        330 * 0.05,
        "tile power " + b.powerMw() + " by class " + b.powerMwByClass());
    // ADCs are 58 % of the tile power in ISAAC
    assertEquals(0.58, b.powerMwByClass().get(ComponentClasses.ADC) / b.powerMw(), 0.03);
  }

  @Test
  void calibrationIsaacTileAreaIs0372SquareMillimetresPlusMinus5Percent() {
    TileBudget b = TileBudget.fullyBusy(Presets.load("isaac"));
    assertEquals(0.372, b.areaMm2(), 0.372 * 0.05, "area by class " + b.areaMm2ByClass());
  }

  @Test
  void isaacAdcIsPricedAt167PicojoulesPerConversion() {
    EnergyTable t = PresetEnergyTable.build(Presets.load("isaac"));
    assertEquals(
        1.67,
        t.energyPj(component(ComponentClasses.ADC, Map.of()), ComponentClasses.CONVERT),
        1.67 * 0.02);
    // priced by the component's own bits
    assertEquals(
        1.20,
        t.energyPj(component(ComponentClasses.ADC, Map.of("bits", 6.0)), ComponentClasses.CONVERT),
        1e-12);
  }

  @Test
  void paperPresetCarriesThePublishedDeviceEnergies() {
    Preset p = Presets.load("paper");
    PresetDevices d = PresetDevices.of(p);
    assertTrue(d.activation("relu") instanceof DomainWallRelu);
    assertTrue(d.activation("leaky-relu") instanceof DomainWallLeakyRelu);
    assertEquals(9.16e-3, d.activation("relu").energyPjPerActivation(), 1e-12);
    assertEquals(0.192, d.activation("leaky-relu").energyPjPerActivation(), 1e-12);
    assertTrue(d.synapse() instanceof SkyrmionSynapse);
    assertEquals(0.87e-3, d.synapse().programEnergyPj(0, 1), 1e-12);
    EnergyTable t = PresetEnergyTable.build(d);
    assertEquals(
        9.16e-3, t.energyPj(component("dw_relu", Map.of()), ComponentClasses.ACTIVATE), 1e-12);
  }

  @Test
  void unknownActionIsAnErrorNotZero() {
    EnergyTable t = PresetEnergyTable.build(Presets.load("paper"));
    assertThrows(
        IllegalArgumentException.class,
        () -> t.energyPj(component(ComponentClasses.ADC, Map.of()), "fly"));
  }

  @Test
  void idealPresetReproducesTheExactProduct() {
    PresetDevices d = PresetDevices.of(Presets.load("ideal"));
    Crossbar xb = d.crossbar(3);
    int cols = xb.weightCapacity();
    SplittableRandom r = new SplittableRandom(5);
    double[] w = new double[128 * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextDouble(-1, 1);
    }
    xb.program(w, 128, cols);
    ReadoutChain chain = d.readoutChain(xb);
    double[] x = new double[128];
    for (int i = 0; i < 128; i++) {
      x[i] = r.nextDouble(-1, 1);
    }
    double[] y = new double[cols];
    chain.read(x, y);
    for (int j = 0; j < cols; j++) {
      double e = 0;
      for (int i = 0; i < 128; i++) {
        e += x[i] * w[i * cols + j];
      }
      assertEquals(e, y[j], 1e-4);
    }
  }

  @Test
  void setOverridesAValue() {
    Preset p = Presets.load("paper", List.of("crossbar.rows=64", "activation.leakyRelu.alpha=0.1"));
    assertEquals(64, p.crossbar().rows());
    assertEquals(
        0.1, ((DomainWallLeakyRelu) PresetDevices.of(p).activation("leaky-relu")).alpha(), 0);
  }

  @Test
  void adcCountIsDerivedFromTheMappingUnlessGiven() {
    assertEquals(64, Presets.load("paper").tile().adcsPerTile()); // 8 arrays x 64 columns / 8
    assertEquals(
        128, Presets.load("paper", List.of("crossbar.weightMapping=offset")).tile().adcsPerTile());
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Presets.load("isaac", List.of("adc.columnsPerAdc=64")));
    assertTrue(e.getMessage().contains("adcsPerTile"), e.getMessage());
    // more ADCs than the sharing implies would sit idle: the count follows adc.columnsPerAdc only
    ConfigException more =
        assertThrows(
            ConfigException.class, () -> Presets.load("paper", List.of("tile.adcsPerTile=128")));
    assertTrue(
        more.getMessage().contains("tile.adcsPerTile")
            && more.getMessage().contains("adc.columnsPerAdc"),
        more.getMessage());
    assertEquals(64, Presets.load("paper", List.of("tile.adcsPerTile=64")).tile().adcsPerTile());
  }

  @Test
  void badOverrideNamesTheKeyAndWhatWasExpected() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Presets.load("paper", List.of("crossbar.rows=0")));
    assertTrue(
        e.getMessage().contains("crossbar.rows") && e.getMessage().contains("[1, 4096]"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    ConfigException u =
        assertThrows(
            ConfigException.class, () -> Presets.load("paper", List.of("crossbar.nope=1")));
    assertTrue(u.getMessage().contains("crossbar.nope"), u.getMessage());
  }

  @Test
  void unknownPresetIsAOneLineError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Presets.load("gpu"));
    assertTrue(e.getMessage().contains("unknown preset 'gpu'") && e.getMessage().contains("paper"));
  }

  @Test
  void unknownDeviceNamesTheKeyAndTheChoices() {
    Preset p = Presets.load("paper", List.of("crossbar.synapse.device=unobtainium"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PresetDevices.of(p));
    assertTrue(
        e.getMessage().contains("crossbar.synapse") && e.getMessage().contains("skyrmion-6b"),
        e.getMessage());
  }

  @Test
  void presetLoadsFromAFileAndRoundTripsThroughYaml(@TempDir Path dir) throws Exception {
    Preset p = Presets.load("neurosim");
    Path f = dir.resolve("mine.yaml");
    Files.writeString(f, ConfigLoader.toYaml(p));
    Preset q = Presets.load(f.toString());
    assertEquals(p, q);
  }

  @Test
  void malformedFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("broken.yaml");
    Files.writeString(f, "name: x\nclockMhz: [1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Presets.load(f.toString()));
    assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());
  }
}
