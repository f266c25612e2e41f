package dev.spinsim.network.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.mapping.ConvGeometry;
import org.junit.jupiter.api.Test;

class StagePlanTest {
  private static StagePlan plan(float... matrix) {
    // a 1x1 convolution of 2 input channels onto matrix.length / 2 output channels
    ConvGeometry g = ConvGeometry.conv(2, matrix.length / 2, 1, 1, 0, 1, 1);
    return new StagePlan(
        "G", "main.0", "Conv2d", g, matrix, new float[matrix.length / 2], "none", 0, "");
  }

  @Test
  void maxAbsWeightIsTheLargestMagnitudeAndANanWins() {
    assertEquals(3.5, plan(1f, -3.5f, 2f, 0.25f).maxAbsWeight());
    assertEquals(0.0, plan(-0f, 0f).maxAbsWeight());
    assertEquals(
        Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(plan(-0f, -0f).maxAbsWeight()));
    assertTrue(Double.isNaN(plan(1f, Float.NaN, 7f, -9f).maxAbsWeight()));
    assertTrue(Double.isNaN(plan(Float.NaN, 1f).maxAbsWeight()));
    assertEquals(Double.POSITIVE_INFINITY, plan(1f, Float.NEGATIVE_INFINITY).maxAbsWeight());
  }
}
