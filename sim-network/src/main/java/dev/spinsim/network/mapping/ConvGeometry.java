package dev.spinsim.network.mapping;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A convolution or transposed convolution as a crossbar sees it: after the zero-insertion rewrite
 * every layer is a stride-1-or-more convolution over a (possibly zero-inserted, padded) input.
 *
 * <p>For a transposed convolution the rewrite inserts {@code stride-1} zeros between input pixels,
 * pads by {@code k-1-p} (plus the output padding on the far side), flips the kernel, swaps the
 * channel roles and convolves with stride 1.
 */
public record ConvGeometry(
    boolean transposed,
    int inChannels,
    int outChannels,
    int kernel,
    int stride,
    int padding,
    int outputPadding,
    int inHeight,
    int inWidth) {

  public ConvGeometry {
    checkArgument(inChannels > 0, "inChannels must be positive, got %s", inChannels);
    checkArgument(outChannels > 0, "outChannels must be positive, got %s", outChannels);
    checkArgument(kernel > 0, "kernel must be positive, got %s", kernel);
    checkArgument(stride > 0, "stride must be positive, got %s", stride);
    checkArgument(padding >= 0, "padding must be >= 0, got %s", padding);
    checkArgument(
        outputPadding >= 0 && (outputPadding < stride || outputPadding == 0),
        "outputPadding must be in [0, stride), got %s",
        outputPadding);
    checkArgument(
        inHeight > 0 && inWidth > 0, "input size must be positive, got %sx%s", inHeight, inWidth);
    checkArgument(
        outHeightOf(transposed, inHeight, kernel, stride, padding, outputPadding) > 0,
        "layer produces an empty output from %sx%s",
        inHeight,
        inWidth);
  }

  public static ConvGeometry conv(int inC, int outC, int k, int s, int p, int inH, int inW) {
    return new ConvGeometry(false, inC, outC, k, s, p, 0, inH, inW);
  }

  public static ConvGeometry transposed(
      int inC, int outC, int k, int s, int p, int outPad, int inH, int inW) {
    return new ConvGeometry(true, inC, outC, k, s, p, outPad, inH, inW);
  }

  private static int outHeightOf(boolean t, int in, int k, int s, int p, int op) {
    return t ? (in - 1) * s - 2 * p + k + op : Math.floorDiv(in + 2 * p - k, s) + 1;
  }

  public int outHeight() {
    return outHeightOf(transposed, inHeight, kernel, stride, padding, outputPadding);
  }

  public int outWidth() {
    return outHeightOf(transposed, inWidth, kernel, stride, padding, outputPadding);
  }

  /** Rows of the im2col weight matrix: k²·C_in. */
  public int matrixRows() {
    return kernel * kernel * inChannels;
  }

  /** Columns of the im2col weight matrix: C_out. */
  public int matrixCols() {
    return outChannels;
  }

  /** One input vector per output pixel. */
  public int vectorsPerImage() {
    return outHeight() * outWidth();
  }

  /** Stride of the equivalent convolution (1 after the rewrite of a transposed convolution). */
  public int convStride() {
    return transposed ? 1 : stride;
  }

  /** Padding before the first input pixel of the equivalent convolution. */
  public int convPadLow() {
    return transposed ? kernel - 1 - padding : padding;
  }

  /** Spacing of original pixels in the equivalent convolution's input (stride for transposed). */
  public int dilation() {
    return transposed ? stride : 1;
  }

  /**
   * The input pixel (row or column index into the ORIGINAL input) that output position {@code o}
   * reads at kernel offset {@code kk} of the equivalent convolution, or -1 when it reads an
   * inserted zero or padding. The same rule holds for rows and columns.
   */
  public int sourceIndex(int o, int kk, int inSize) {
    int pos = o * convStride() + kk - convPadLow();
    if (pos < 0) {
      return -1;
    }
    int d = dilation();
    if (pos % d != 0) {
      return -1;
    }
    int src = pos / d;
    return src < inSize ? src : -1;
  }

  /** Performed multiply-accumulates per image, inserted zeros and padding included. */
  public long macsPerformed() {
    return (long) vectorsPerImage() * matrixRows() * matrixCols();
  }

  /**
   * Performed MACs whose input is an inserted zero or padding (exact count over all output pixels
   * and kernel taps).
   */
  public long zeroMacs() {
    long useful =
        usefulTaps(outHeight(), inHeight)
            * usefulTaps(outWidth(), inWidth)
            * inChannels
            * (long) outChannels;
    return macsPerformed() - useful;
  }

  /**
   * Performed MACs whose input is a zero inserted between original pixels (not padding): a tap pair
   * counts when both axes land inside the zero-inserted input's extent {@code [0, (in−1)·stride]}
   * and at least one lands between pixels. 0 for a convolution.
   */
  public long insertedZeroMacs() {
    long inExtent = extentTaps(outHeight(), inHeight) * extentTaps(outWidth(), inWidth);
    long useful = usefulTaps(outHeight(), inHeight) * usefulTaps(outWidth(), inWidth);
    return (inExtent - useful) * inChannels * (long) outChannels;
  }

  /** Pairs (output position, kernel offset) along one axis inside the zero-inserted extent. */
  private long extentTaps(int outSize, int inSize) {
    long taps = 0;
    int last = (inSize - 1) * dilation();
    for (int o = 0; o < outSize; o++) {
      for (int kk = 0; kk < kernel; kk++) {
        int pos = o * convStride() + kk - convPadLow();
        if (pos >= 0 && pos <= last) {
          taps++;
        }
      }
    }
    return taps;
  }

  /** Pairs (output position, kernel offset) along one axis that read an original input pixel. */
  private long usefulTaps(int outSize, int inSize) {
    long taps = 0;
    for (int o = 0; o < outSize; o++) {
      taps += taps(o, inSize);
    }
    return taps;
  }

  /**
   * Input values output pixel {@code (oy, ox)} reads from the original input (not inserted zeros or
   * padding): what a buffer has to deliver for its vector.
   */
  public int liveInputs(int oy, int ox) {
    return taps(oy, inHeight) * taps(ox, inWidth) * inChannels;
  }

  private int taps(int o, int inSize) {
    int n = 0;
    for (int kk = 0; kk < kernel; kk++) {
      if (sourceIndex(o, kk, inSize) >= 0) {
        n++;
      }
    }
    return n;
  }

  /** The MACs of the layer as written (direct transposed convolution counts every input tap). */
  public long referenceMacs() {
    if (transposed) {
      return (long) inHeight * inWidth * kernel * kernel * inChannels * outChannels;
    }
    return macsPerformed() - zeroMacs();
  }

  /**
   * The first and last input rows (inclusive, original input indices) that output row {@code oy}
   * needs; {@code [1] < [0]} when it needs none (all taps on zeros or padding).
   */
  public int[] inputRowsNeeded(int oy) {
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (int kk = 0; kk < kernel; kk++) {
      int src = sourceIndex(oy, kk, inHeight);
      if (src >= 0) {
        first = Math.min(first, src);
        last = Math.max(last, src);
      }
    }
    return first == Integer.MAX_VALUE ? new int[] {0, -1} : new int[] {first, last};
  }
}
