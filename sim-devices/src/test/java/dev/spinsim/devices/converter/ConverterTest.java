package dev.spinsim.devices.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.energy.AdcEnergyModel;
import dev.spinsim.devices.energy.ConverterEnergy;
import org.junit.jupiter.api.Test;

class ConverterTest {
  @Test
  void calibrationIsaacEightBitAdcIs167PicojoulePlusMinus2Percent() {
    SarAdc adc = new SarAdc(8);
    assertEquals(1.67, adc.energyPjPerConversion(), 1.67 * 0.02);
    // and the same figure from ISAAC Table I: 16 mW for 8 ADCs at 1.2 GS/s
    assertEquals(16e-3 / (8 * 1.2e9) * 1e12, adc.energyPjPerConversion(), 1.67 * 0.02);
  }

  @Test
  void isaacTableCoversFourToTenBits() {
    double[] expected = {0.79, 0.99, 1.20, 1.42, 1.67, 1.97, 2.38};
    for (int b = 4; b <= 10; b++) {
      assertEquals(expected[b - 4], ConverterEnergy.isaacAdcPj(b), 0);
    }
    assertTrue(ConverterEnergy.isaacAdcPj(3) < 0.79);
    assertTrue(ConverterEnergy.isaacAdcPj(11) > 2.38);
  }

  @Test
  void neurosimSarFormulaHitsItsAnchors() {
    assertEquals(0.030, ConverterEnergy.neurosimSarAdcPj(4, 22), 0.002);
    assertEquals(0.160, ConverterEnergy.neurosimSarAdcPj(8, 22), 0.002);
    assertEquals(
        11.0,
        new SarAdc(5, AdcEnergyModel.NEUROSIM_SAR, 22, null, null, null, null).conversionTimeNs()
                * 1
            + 5,
        0);
  }

  @Test
  void flashEnergyDoublesPerBit() {
    double r = ConverterEnergy.flashAdcPj(7, 32) / ConverterEnergy.flashAdcPj(6, 32);
    assertEquals(127.0 / 63.0, r, 1e-12);
  }

  @Test
  void adcClipsAndQuantisesMidTread() {
    SarAdc adc = new SarAdc(4); // codes -7..7
    assertEquals(0, adc.convert(0.0, 1.0), 0);
    assertEquals(1.0, adc.convert(3.0, 1.0), 0);
    assertEquals(-1.0, adc.convert(-3.0, 1.0), 0);
    assertEquals(3.0 / 7, adc.convert(0.40, 1.0), 1e-15);
    assertEquals(3, adc.code(0.40, 1.0));
  }

  @Test
  void adcQuantisationErrorIsAtMostHalfAStep() {
    SarAdc adc = new SarAdc(8);
    double step = 2.0 / 127;
    for (double v = -2; v <= 2; v += 0.0013) {
      assertTrue(Math.abs(adc.convert(v, 2.0) - v) <= step / 2 + 1e-12);
    }
  }

  @Test
  void idealConvertersPassValuesUnchanged() {
    assertEquals(123.456, new IdealAdc().convert(123.456, 1.0), 0);
    assertEquals(0.123456, new IdealDac().convert(0.123456), 0);
    assertEquals(0, new IdealAdc().energyPjPerConversion(), 0);
  }

  @Test
  void dacClipsAndQuantises() {
    RowDac dac = new RowDac(2);
    assertEquals(1.0, dac.convert(1.7), 0);
    assertEquals(0.0, dac.convert(-0.2), 0);
    assertEquals(1.0 / 3, dac.convert(0.3), 1e-15);
    assertEquals(0.42, new RowDac(1).energyPjPerConversion(), 0);
  }

  @Test
  void rejectsOneBitAdcSpec() {
    assertThrows(IllegalArgumentException.class, () -> AdcSpec.of("sar-adc", 1));
  }
}
