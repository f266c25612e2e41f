package dev.spinsim.devices.converter;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loop of {@link AdcBlockQuantiser}; loaded only when the incubator module is present.
 */
final class VectorQuantiser {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
  private static final int L = D.length();

  /** 2⁵²: adding and subtracting it rounds a magnitude below it to an integer, half to even. */
  private static final double TWO52 = 0x1p52;

  private VectorQuantiser() {}

  /** Processes whole vectors from 0 and returns the first index left for the scalar loop. */
  static int accumulate(
      float[] values, int n, double fullScale, int maxCode, double weight, double[] acc) {
    double step = fullScale / maxCode;
    double m = maxCode;
    int j = 0;
    for (; j + L <= n; j += L) {
      DoubleVector v =
          (DoubleVector)
              FloatVector.fromArray(F, values, j).convertShape(VectorOperators.F2D, D, 0);
      DoubleVector t = v.div(fullScale).mul(m);
      DoubleVector mag = t.abs().add(TWO52).sub(TWO52);
      VectorMask<Double> negative = t.compare(VectorOperators.LT, 0.0);
      DoubleVector q = mag.lanewise(VectorOperators.NEG, negative);
      // clip to the code range; NaN reads as code 0 as (int) NaN does; +0.0 turns a -0.0 code into
      // 0
      q = q.max(-m).min(m).blend(0.0, t.test(VectorOperators.IS_NAN)).add(0.0);
      DoubleVector a = DoubleVector.fromArray(D, acc, j);
      a.add(q.mul(step).mul(weight)).intoArray(acc, j);
    }
    return j;
  }
}
