package dev.spinsim.network.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.network.tensor.Tensor;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ZeroInsertionPropertyTest {
  @Property(tries = 60)
  void convTransposeEqualsZeroInsertionRewrite(
      @ForAll @IntRange(min = 1, max = 3) int n,
      @ForAll @IntRange(min = 1, max = 5) int cin,
      @ForAll @IntRange(min = 1, max = 5) int cout,
      @ForAll @IntRange(min = 1, max = 6) int h,
      @ForAll @IntRange(min = 1, max = 6) int w,
      @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @IntRange(min = 1, max = 3) int stride,
      @ForAll @IntRange(min = 0, max = 4) int padRaw,
      @ForAll @IntRange(min = 0, max = 2) int opRaw,
      @ForAll long seed) {
    int pad = padRaw % k; // the rewrite needs pad <= k-1
    int op = opRaw % stride; // PyTorch needs output padding < stride
    int oh = Convolution.transposedOut(h, k, stride, pad, op);
    int ow = Convolution.transposedOut(w, k, stride, pad, op);
    if (oh <= 0 || ow <= 0) {
      return;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor x = Tensor.normal(rng, 0, 1, n, cin, h, w);
    Tensor wt = Tensor.normal(rng, 0, 1, cin, cout, k, k);
    Tensor b = Tensor.normal(rng, 0, 1, cout);
    Tensor reference = Convolution.convTranspose2dReference(x, wt, b, stride, pad, op);
    Tensor rewritten = ZeroInsertion.convTranspose2d(x, wt, b, stride, pad, op);
    Tensor fast = Convolution.convTranspose2d(x, wt, b, stride, pad, op);
    double d1 = reference.maxAbsDiff(rewritten);
    double d2 = reference.maxAbsDiff(fast);
    assertTrue(d1 <= 1e-5, "rewrite differs by " + d1);
    assertTrue(d2 <= 1e-5, "im2col path differs by " + d2);
  }
}
