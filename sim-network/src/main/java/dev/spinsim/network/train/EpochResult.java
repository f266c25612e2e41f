package dev.spinsim.network.train;

import java.nio.file.Path;

/** Summary of one finished epoch: mean losses, throughput and where its outputs went. */
public record EpochResult(
    int epoch,
    int images,
    double meanLossD,
    double meanLossG,
    double meanDReal,
    double meanDFake,
    double seconds,
    Path samples) {
  public double imagesPerSecond() {
    return images / seconds;
  }
}
