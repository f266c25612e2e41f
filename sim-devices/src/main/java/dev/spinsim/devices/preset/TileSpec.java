package dev.spinsim.devices.preset;

import dev.spinsim.core.config.OptionalKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tile: crossbars (each with its readout), ADCs (null = as many as the crossbars need, see {@link
 * Preset}), input and output buffers, and components modelled by static power only (sorted by
 * name).
 */
public record TileSpec(
    int crossbarsPerTile,
    @OptionalKey Integer adcsPerTile,
    BufferSpec inputBuffer,
    BufferSpec outputBuffer,
    Map<String, StaticSpec> staticComponents) {
  public TileSpec {
    if (crossbarsPerTile < 1) {
      throw new IllegalArgumentException("crossbarsPerTile must be >= 1, got " + crossbarsPerTile);
    }
    if (adcsPerTile != null && adcsPerTile < 1) {
      throw new IllegalArgumentException("adcsPerTile must be >= 1, got " + adcsPerTile);
    }
    if (inputBuffer == null || outputBuffer == null) {
      throw new IllegalArgumentException("inputBuffer and outputBuffer must be given");
    }
    staticComponents = staticComponents == null ? Map.of() : new TreeMap<>(staticComponents);
  }

  /** Copy with the ADC count set. */
  public TileSpec withAdcsPerTile(int adcs) {
    return new TileSpec(crossbarsPerTile, adcs, inputBuffer, outputBuffer, staticComponents);
  }
}
