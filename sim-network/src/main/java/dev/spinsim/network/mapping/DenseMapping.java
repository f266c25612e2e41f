package dev.spinsim.network.mapping;

/**
 * The paper's mapping: every layer, transposed convolutions included after the zero-insertion
 * rewrite, becomes one dense im2col matrix (k²·C_in rows × C_out columns) cut into crossbar blocks;
 * inserted zeros are fed to the crossbar like any other input.
 */
public final class DenseMapping implements MappingStrategy {
  @Override
  public String name() {
    return "dense";
  }

  @Override
  public LayerMapping map(String layer, ConvGeometry g, MappingOptions o) {
    return LayerMapping.place(
        layer,
        name(),
        PhaseLayout.zeroInserted(g, o.biasMode() == BiasMode.BIAS_ROW, o.crossbarRows()),
        o);
  }
}
