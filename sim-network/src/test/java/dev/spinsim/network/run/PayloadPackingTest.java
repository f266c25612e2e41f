package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The event payload keeps every field apart up to its limit: a layer of more than 4096 crossbars
 * (fmnist's main.0 on 1-row crossbars needs 9800) once wrapped into the stage and image fields.
 */
class PayloadPackingTest {

  @Test
  void everyFieldRoundTripsAtItsLimit() {
    int[][] cases = {
      {0, 0, 0, 0, 0},
      {4095, 63, 65535, PipelineSimulation.MAX_CROSSBARS_PER_LAYER, 63},
      {7, 2, 783, 9800, 5},
      {1, 1, 1, 4096, 1},
    };
    for (int[] c : cases) {
      long p = PipelineSimulation.pack(c[0], c[1], c[2], c[3], c[4]);
      assertTrue(p >= 0, "payload stays non-negative");
      assertEquals(c[0], PipelineSimulation.image(p));
      assertEquals(c[1], PipelineSimulation.stage(p));
      assertEquals(c[2], PipelineSimulation.vector(p));
      assertEquals(c[3], PipelineSimulation.xbar(p));
      assertEquals(c[4], PipelineSimulation.bit(p));
    }
  }

  @Test
  void theLimitCoversOneRowCrossbarsOfTheShippedModel() {
    assertTrue(PipelineSimulation.MAX_CROSSBARS_PER_LAYER >= 9800);
  }
}
