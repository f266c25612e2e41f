package dev.spinsim.network.mapping;

/**
 * Places a layer's matrices onto crossbars. The paper's strategy keeps the zeros a transposed
 * convolution inserts ({@link DenseMapping}); {@link SubPixelMapping} never creates them. Chosen by
 * {@code mapping.strategy} ({@link MappingConfig#strategyObject()}).
 */
public interface MappingStrategy {
  /** A short name written into reports, e.g. {@code dense}. */
  String name();

  LayerMapping map(String layer, ConvGeometry geometry, MappingOptions options);
}
