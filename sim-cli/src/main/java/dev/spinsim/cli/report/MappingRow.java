package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How one layer was mapped onto crossbars: its im2col matrix, crossbars used, cell utilisation,
 * and the work per image including the zeros a transposed convolution inserts.
 */
public record MappingRow(
    String network,
    String layer,
    String kind,
    int matrixRows,
    int matrixCols,
    int crossbars,
    double cellUtilisation,
    long inputVectorsPerImage,
    long macsPerImage,
    long zeroMacsPerImage,
    int replication) {

  /** Validates. */
  public MappingRow {
    Checks.name(network, "mapping network");
    Checks.name(layer, "mapping layer name");
    Checks.name(kind, "mapping layer kind");
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
