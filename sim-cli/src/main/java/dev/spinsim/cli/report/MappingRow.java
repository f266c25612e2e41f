package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How one layer was mapped onto crossbars: the strategy and its phases (1 for dense; up to s² for
 * sub-pixel), the (stacked) matrix, crossbars used, cell utilisation, and the work per image
 * including MACs on zeros (inserted zeros and padding; of those, the inserted zeros alone).
 */
public record MappingRow(
    String network,
    String layer,
    String kind,
    String strategy,
    int phases,
    int matrixRows,
    int matrixCols,
    int crossbars,
    double cellUtilisation,
    long inputVectorsPerImage,
    long macsPerImage,
    long zeroMacsPerImage,
    long insertedZeroMacsPerImage,
    int replication) {

  /** Validates. */
  public MappingRow {
    Checks.name(network, "mapping network");
    Checks.name(layer, "mapping layer name");
    Checks.name(kind, "mapping layer kind");
    Checks.name(strategy, "mapping strategy");
    checkArgument(phases >= 1, "mapping %s/%s phases must be >= 1", network, layer);
    checkArgument(
        insertedZeroMacsPerImage >= 0 && insertedZeroMacsPerImage <= zeroMacsPerImage,
        "mapping %s/%s inserted-zero MACs (%s) must be in [0, zero MACs %s]",
        network,
        layer,
        insertedZeroMacsPerImage,
        zeroMacsPerImage);
    checkArgument(
        matrixRows > 0 && matrixCols > 0,
        "mapping %s/%s matrix must be at least 1x1, got %sx%s",
        network,
        layer,
        matrixRows,
        matrixCols);
    checkArgument(crossbars > 0, "mapping %s/%s crossbars must be positive", network, layer);
    Checks.fraction(cellUtilisation, "mapping %s/%s cellUtilisation", network, layer);
    checkArgument(
        inputVectorsPerImage >= 0 && macsPerImage >= 0 && zeroMacsPerImage >= 0,
        "mapping %s/%s work counts must be non-negative",
        network,
        layer);
    checkArgument(
        zeroMacsPerImage <= macsPerImage,
        "mapping %s/%s zero MACs (%s) exceed all MACs (%s)",
        network,
        layer,
        zeroMacsPerImage,
        macsPerImage);
    checkArgument(replication >= 1, "mapping %s/%s replication must be >= 1", network, layer);
  }

  /** Fraction of the layer's crossbar MACs spent on inserted zeros (0 when it does no MACs). */
  public double zeroFraction() {
    return macsPerImage == 0 ? 0 : (double) zeroMacsPerImage / macsPerImage;
  }
}
