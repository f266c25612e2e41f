package dev.spinsim.network.mapping;

/**
 * Places a layer's im2col matrix onto crossbars. The paper's strategy keeps the zeros a
 * transposed convolution inserts ({@link DenseMapping}); a zero-skipping strategy can plug in here.
 */
public interface MappingStrategy {
  /** A short name written into reports, e.g. {@code dense}. */
  String name();

  LayerMapping map(String layer, ConvGeometry geometry, MappingOptions options);
}
