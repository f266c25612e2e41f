package dev.spinsim.devices.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.energy.ComponentInfo;
import dev.spinsim.devices.energy.ComponentClasses;
import dev.spinsim.devices.energy.NodeScaling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CMOS node moves the periphery's energy, static power and area the right way (Stillmaker–Baas
 * factors); the ADC's own node moves the ADC; spintronic blocks stay; S+H counts the timing model
 * cannot honour are refused.
 */
class TechNodeTest {
  private static ChipBlock block(Preset p, String cls) {
    for (ChipBlock b : PresetDevices.of(p).blocks()) {
      if (b.componentClass().equals(cls)) {
        return b;
      }
    }
    throw new AssertionError("no block " + cls);
  }

  private static double pj(Preset p, String cls, String action) {
    ComponentInfo c = new ComponentInfo(0, "u", cls, "", Map.of(ComponentClasses.BITS, 6.0));
    return block(p, cls).energy().energyPj(c, action);
  }

  private static Preset paper(String... sets) {
    return Presets.load("paper", List.of(sets));
  }

  @Test
  void factorsFollowTheNode() {
    assertEquals(1.0, NodeScaling.energyFactor(32, 32), 0);
    assertTrue(NodeScaling.energyFactor(32, 65) > 1);
    assertTrue(NodeScaling.energyFactor(32, 16) < 1);
    assertTrue(NodeScaling.energyFactor(32, 45) < NodeScaling.energyFactor(32, 65));
    assertTrue(NodeScaling.areaFactor(32, 65) > 1);
    assertTrue(NodeScaling.areaFactor(32, 16) < 1);
    // between tabulated nodes the factor lies between its neighbours'
    double f40 = NodeScaling.energyFactor(32, 40);
    assertTrue(f40 > 1 && f40 < NodeScaling.energyFactor(32, 45));
    assertThrows(IllegalArgumentException.class, () -> NodeScaling.energyFactor(32, 250));
  }

  @Test
  void chipNodeMovesTheCmosPeripheryNotTheSpintronicArrays() {
    Preset at32 = paper();
    Preset at65 = paper("techNodeNm=65");
    Preset at16 = paper("techNodeNm=16");
    for (String[] ca :
        new String[][] {
          {ComponentClasses.SAMPLE_HOLD, ComponentClasses.SAMPLE},
          {ComponentClasses.SHIFT_ADD, ComponentClasses.OP},
          {ComponentClasses.ADC, ComponentClasses.CONVERT},
          {ComponentClasses.INPUT_BUFFER, ComponentClasses.READ_BIT},
        }) {
      double e32 = pj(at32, ca[0], ca[1]);
      assertTrue(pj(at65, ca[0], ca[1]) > e32, ca[0] + " costs more at 65 nm");
      assertTrue(pj(at16, ca[0], ca[1]) < e32, ca[0] + " costs less at 16 nm");
    }
    for (String cls : List.of(ComponentClasses.SAMPLE_HOLD, ComponentClasses.ADC)) {
      double a32 = block(at32, cls).areaMm2();
      assertTrue(block(at65, cls).areaMm2() > a32, cls + " area at 65 nm");
      assertTrue(block(at16, cls).areaMm2() < a32, cls + " area at 16 nm");
    }
    // the skyrmion crossbar and the domain-wall units are not CMOS
    assertEquals(
        pj(at32, ComponentClasses.CROSSBAR, ComponentClasses.CELL_READ),
        pj(at65, ComponentClasses.CROSSBAR, ComponentClasses.CELL_READ),
        0);
    assertEquals(
        block(at32, ComponentClasses.CROSSBAR).areaMm2(),
        block(at65, ComponentClasses.CROSSBAR).areaMm2(),
        0);
  }

  @Test
  void figuresAreGivenAtTheReferenceNode() {
    // the same chip node with figures quoted at a coarser node is cheaper
    double atRef = pj(paper(), ComponentClasses.SAMPLE_HOLD, ComponentClasses.SAMPLE);
    double from65 =
        pj(paper("referenceTechNodeNm=65"), ComponentClasses.SAMPLE_HOLD, ComponentClasses.SAMPLE);
    assertEquals(atRef * NodeScaling.energyFactor(65, 32), from65, 1e-12 * atRef);
    assertTrue(from65 < atRef);
    assertEquals(32.0, paper().referenceTechNodeNm(), 0);
  }

  @Test
  void adcNodeMovesTheIsaacTableAdc() {
    Preset p = paper();
    assertEquals("isaac-table", p.adc().energyModel());
    double e32 = pj(p, ComponentClasses.ADC, ComponentClasses.CONVERT);
    assertTrue(
        pj(paper("adc.techNodeNm=65"), ComponentClasses.ADC, ComponentClasses.CONVERT) > e32);
    assertTrue(
        pj(paper("adc.techNodeNm=16"), ComponentClasses.ADC, ComponentClasses.CONVERT) < e32);
    // a pinned energy is a figure at the reference node: the ADC's node still moves it
    double pinned = pj(paper("adc.energyPj=1.0"), ComponentClasses.ADC, ComponentClasses.CONVERT);
    assertEquals(1.0, pinned, 0);
    assertTrue(
        pj(
                paper("adc.energyPj=1.0", "adc.techNodeNm=65"),
                ComponentClasses.ADC,
                ComponentClasses.CONVERT)
            > pinned);
    assertTrue(
        pj(
                paper("adc.energyPj=1.0", "techNodeNm=16"),
                ComponentClasses.ADC,
                ComponentClasses.CONVERT)
            < pinned);
    // absent, the ADC sits at the chip's node
    assertEquals(65.0, paper("techNodeNm=65").adc().nodeNm(), 0);
    assertEquals(22.0, paper("techNodeNm=65", "adc.techNodeNm=22").adc().nodeNm(), 0);
  }

  @Test
  void nodesOutsideTheTablesAndTooFewSampleHoldsAreRefused() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> paper("techNodeNm=250"));
    assertTrue(e.getMessage().contains("must be in [7, 130]"), e.getMessage());
    e = assertThrows(RuntimeException.class, () -> paper("sampleHold.unitsPerTile=1"));
    assertTrue(
        e.getMessage().contains("must be >= crossbarsPerTile x weight columns"), e.getMessage());
    // spare units are accepted and cost area
    assertTrue(
        TileBudget.fullyBusy(paper("sampleHold.unitsPerTile=1024")).areaMm2()
            > TileBudget.fullyBusy(paper()).areaMm2());
  }
}
