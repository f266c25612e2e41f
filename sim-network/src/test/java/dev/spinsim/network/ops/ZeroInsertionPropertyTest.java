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
    // Float32 sums of m = cin·k·k + 1 terms in different orders: each is within γ_m·Σ|terms| of the
    // exact sum (Higham 2002, §3.1, γ_m ≈ m·2⁻²⁴), so two of them differ by at most twice that.
    // Σ|terms| is bounded by m times the largest |term|, taken as 1 + the largest |output| (an
    // indexing error moves an output by O(1), far above this). A fixed 1e-5 failed on sums near 30.
    double largest = 0;
    for (float v : reference.data()) {
      largest = Math.max(largest, Math.abs(v));
    }
    int m = cin * k * k + 1;
    double tol = 2 * m * Math.ulp(1f) / 2 * (1 + largest);
    assertTrue(d1 <= tol, "rewrite differs by " + d1 + " (tolerance " + tol + ")");
    assertTrue(d2 <= tol, "im2col path differs by " + d2 + " (tolerance " + tol + ")");
  }
}
