package dev.spinsim.network.mapping;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Map;
import java.util.TreeMap;

/**
 * The mapping section of a run's configuration ({@code --set mapping.partialSums=analog}):
 * strategy, bias placement and partial-sum accumulation; replication is given per layer.
 */
public record MappingConfig(
    String strategy, String biasMode, String partialSums, Map<String, Integer> replication) {

  /** The defaults as YAML: what {@code --set mapping.*} overrides. */
  public static final String DEFAULT_YAML =
      "strategy: dense\nbiasMode: digital\npartialSums: digital\nreplication: {}\n";

  public MappingConfig {
    checkArgument(
        "dense".equals(strategy) || "sub-pixel".equals(strategy),
        "must be dense or sub-pixel, got %s",
        strategy);
    checkArgument(
        "digital".equals(biasMode) || "bias-row".equals(biasMode),
        "must be digital or bias-row, got %s",
        biasMode);
    checkArgument(
        "digital".equals(partialSums) || "analog".equals(partialSums),
        "must be digital or analog, got %s",
        partialSums);
    replication = new TreeMap<>(replication == null ? Map.of() : replication);
    replication.forEach(
        (layer, k) ->
            checkArgument(
                k != null && k > 0,
                "replication of %s must be a positive integer, got %s",
                layer,
                k));
  }

  /** The strategy named by {@code strategy}: {@code dense} or {@code sub-pixel}. */
  public MappingStrategy strategyObject() {
    return strategyNamed(strategy);
  }

  /** {@link DenseMapping} for {@code dense}, {@link SubPixelMapping} for {@code sub-pixel}. */
  public static MappingStrategy strategyNamed(String name) {
    return switch (name) {
      case "dense" -> new DenseMapping();
      case "sub-pixel" -> new SubPixelMapping();
      default ->
          throw new IllegalArgumentException(
              "mapping.strategy: must be dense or sub-pixel," + " got " + name);
    };
  }

  public BiasMode biasModeValue() {
    return biasMode.equals("digital") ? BiasMode.DIGITAL : BiasMode.BIAS_ROW;
  }

  public PartialSums partialSumsValue() {
    return partialSums.equals("digital") ? PartialSums.DIGITAL : PartialSums.ANALOG;
  }
}
