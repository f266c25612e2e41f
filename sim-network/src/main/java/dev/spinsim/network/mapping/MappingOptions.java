package dev.spinsim.network.mapping;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The knobs of a mapping: crossbar size, signed-weight scheme, bias placement, partial-sum
 * accumulation and per-layer replication (layer name → copies; absent means 1).
 */
public record MappingOptions(
    int crossbarRows,
    int crossbarCols,
    WeightScheme scheme,
    BiasMode biasMode,
    PartialSums partialSums,
    Map<String, Integer> replication) {

  public MappingOptions {
    checkArgument(crossbarRows > 0, "crossbar rows must be positive, got %s", crossbarRows);
    checkArgument(crossbarCols > 0, "crossbar cols must be positive, got %s", crossbarCols);
    checkNotNull(scheme, "scheme");
    checkNotNull(biasMode, "biasMode");
    checkNotNull(partialSums, "partialSums");
    checkArgument(
        scheme.logicalColumnsPerCrossbar(crossbarCols) > 0,
        "crossbar of %s columns holds no %s weight column",
        crossbarCols,
        scheme);
    replication = ImmutableMap.copyOf(replication);
    replication.forEach(
        (layer, copies) ->
            checkArgument(
                copies != null && copies > 0,
                "replication of %s must be a positive integer, got %s",
                layer,
                copies));
  }

  public static MappingOptions defaults(int rows, int cols) {
    return new MappingOptions(
        rows, cols, WeightScheme.DIFFERENTIAL, BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of());
  }

  public int replicationOf(String layer) {
    return replication.getOrDefault(layer, 1);
  }
}
