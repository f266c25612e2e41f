package dev.spinsim.network.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.core.trace.TraceSink;
import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.Chip;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.chip.RangeCalibration;
import dev.spinsim.network.chip.StagePlan;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.CrossbarIm2col;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.MappingStrategy;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.mapping.SubPixelMapping;
import dev.spinsim.network.ops.Convolution;
import dev.spinsim.network.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * On the {@code ideal} preset a transposed convolution placed on the chip by either strategy, in
 * either run mode, with either bias placement and partial-sum mode, gives the float reference
 * ConvTranspose2d for any (k, s, p, output_padding, channels, sizes) PyTorch accepts.
 */
class SubPixelChipPropertyTest {
  private static float[] onChip(
      ConvGeometry g,
      float[] weight,
      float[] bias,
      float[] input,
      double preMax,
      MappingStrategy strategy,
      BiasMode b,
      PartialSums ps,
      int rows,
      RunMode mode) {
    // buffers large enough for any generated layer: this property is about the arithmetic
    PresetDevices d =
        PresetDevices.of(
            Presets.load(
                "ideal",
                List.of(
                    "crossbar.rows=" + rows,
                    "tile.inputBuffer.sizeBytes=1048576",
                    "tile.outputBuffer.sizeBytes=1048576")));
    StagePlan plan =
        new StagePlan(
            "G",
            "main.0",
            "ConvTranspose2d",
            g,
            CrossbarIm2col.weightMatrix(g, weight),
            bias,
            "none",
            0,
            "");
    double inMax = 0;
    for (float v : input) {
      inMax = Math.max(inMax, Math.abs(v));
    }
    Chip chip =
        new ChipBuilder(d, strategy, ChipBuilder.optionsFor(d.preset(), b, ps, Map.of()), 3)
            .build(List.of(plan), 1, List.of(new RangeCalibration.Range(inMax, preMax)), 1);
    System.arraycopy(input, 0, chip.map(0, 0), 0, input.length);
    HardwareRun.run(chip.stages(), 1, mode, chip.ledger(), TraceSink.off(), null, i -> {});
    return chip.image(0);
  }

  @Property(tries = 40)
  void idealChipComputesTheTransposedConvolution(
      @ForAll @IntRange(min = 1, max = 5) int cin,
      @ForAll @IntRange(min = 1, max = 70) int cout,
      @ForAll @IntRange(min = 1, max = 6) int h,
      @ForAll @IntRange(min = 1, max = 6) int w,
      @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 1, max = 4) int stride,
      @ForAll @IntRange(min = 0, max = 7) int padRaw,
      @ForAll @IntRange(min = 0, max = 3) int opRaw,
      @ForAll boolean biasRow,
      @ForAll boolean analog,
      @ForAll boolean cycleAccurate,
      @ForAll @IntRange(min = 0, max = 2) int rowsChoice,
      @ForAll long seed) {
    int pad = padRaw % (k + 2);
    int op = opRaw % stride;
    int oh = Convolution.transposedOut(h, k, stride, pad, op);
    int ow = Convolution.transposedOut(w, k, stride, pad, op);
    if (oh <= 0 || ow <= 0) {
      return; // PyTorch rejects an empty output
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor x = Tensor.normal(rng, 0, 1, 1, cin, h, w);
    Tensor wt = Tensor.normal(rng, 0, 0.3, cin, cout, k, k);
    Tensor b = Tensor.normal(rng, 0, 0.3, cout);
    Tensor reference = Convolution.convTranspose2dReference(x, wt, b, stride, pad, op);
    double preMax = 0;
    for (float v : reference.data()) {
      preMax = Math.max(preMax, Math.abs(v));
    }
    ConvGeometry g = ConvGeometry.transposed(cin, cout, k, stride, pad, op, h, w);
    int rows = new int[] {16, 40, 128}[rowsChoice];
    BiasMode bm = biasRow ? BiasMode.BIAS_ROW : BiasMode.DIGITAL;
    PartialSums ps = analog ? PartialSums.ANALOG : PartialSums.DIGITAL;
    RunMode mode = cycleAccurate ? RunMode.CYCLE_ACCURATE : RunMode.FUNCTIONAL;
    float[] sub =
        onChip(g, wt.data(), b.data(), x.data(), preMax, new SubPixelMapping(), bm, ps, rows, mode);
    float[] dense =
        onChip(g, wt.data(), b.data(), x.data(), preMax, new DenseMapping(), bm, ps, rows, mode);
    double diff = reference.maxAbsDiff(Tensor.of(sub, 1, cout, oh, ow));
    assertTrue(diff <= 1e-5, "sub-pixel differs from ConvTranspose2d by " + diff);
    double diffDense = reference.maxAbsDiff(Tensor.of(dense, 1, cout, oh, ow));
    assertTrue(diffDense <= 1e-5, "dense differs from ConvTranspose2d by " + diffDense);
    // the two strategies agree with each other as closely as float rounding allows
    float[] s = sub.clone();
    for (int i = 0; i < s.length; i++) {
      if (Math.abs(s[i] - dense[i]) <= 2e-6) {
        s[i] = dense[i];
      }
    }
    assertArrayEquals(dense, s);
  }
}
