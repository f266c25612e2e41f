package dev.spinsim.devices.preset;

/**
 * A tile buffer: technology ({@code sram} or {@code edram}), size, port width and count, access
 * time, energy per bit read or written, static power and area.
 */
public record BufferSpec(
    String technology, int sizeBytes, int widthBits, int ports, double accessTimeNs, double energyPerBitPj,
    double leakageMw, double areaMm2) {
  public BufferSpec {
    if (!"sram".equals(technology) && !"edram".equals(technology)) {
      throw new IllegalArgumentException("technology must be sram or edram, got " + technology);
    }
    if (sizeBytes < 1) {
      throw new IllegalArgumentException("sizeBytes must be >= 1, got " + sizeBytes);
    }
    if (widthBits < 1) {
      throw new IllegalArgumentException("widthBits must be >= 1, got " + widthBits);
    }
    if (ports < 1) {
      throw new IllegalArgumentException("ports must be >= 1, got " + ports);
    }
    if (!(accessTimeNs > 0)) {
      throw new IllegalArgumentException("accessTimeNs must be > 0, got " + accessTimeNs);
    }
    if (!(energyPerBitPj >= 0)) {
      throw new IllegalArgumentException("energyPerBitPj must be >= 0, got " + energyPerBitPj);
    }
    if (!(leakageMw >= 0)) {
      throw new IllegalArgumentException("leakageMw must be >= 0, got " + leakageMw);
    }
    if (!(areaMm2 >= 0)) {
      throw new IllegalArgumentException("areaMm2 must be >= 0, got " + areaMm2);
    }
  }

  /** Peak bandwidth, bits per ns, with every port busy. */
  public double peakBitsPerNs() {
    return ports * (double) widthBits / accessTimeNs;
  }
}
