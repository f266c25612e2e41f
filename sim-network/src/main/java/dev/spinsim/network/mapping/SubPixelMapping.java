package dev.spinsim.network.mapping;

/**
 * The zero-free mapping ({@code mapping.strategy=sub-pixel}): a stride-s transposed convolution
 * becomes its s² sub-pixel phases, each a stride-1 convolution with a sub-kernel on its own
 * crossbars, whose outputs interleave into the output map; a transposed convolution of a 1×1 input
 * becomes one dense {@code C_in × C_out·H·W} matrix; convolutions map as in {@link DenseMapping}.
 * See {@link PhaseLayout} for the decomposition.
 */
public final class SubPixelMapping implements MappingStrategy {
  @Override
  public String name() {
    return "sub-pixel";
  }

  @Override
  public LayerMapping map(String layer, ConvGeometry g, MappingOptions o) {
    return LayerMapping.place(
        layer,
        name(),
        PhaseLayout.zeroFree(g, o.biasMode() == BiasMode.BIAS_ROW, o.crossbarRows()),
        o);
  }
}
