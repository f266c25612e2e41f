package dev.spinsim.network.tensor;

import java.util.Arrays;

/**
 * Patch matrices for convolutions, one row per output pixel: row (b, oy, ox) holds the C·k·k input
 * values under the kernel, ordered (c, ky, kx) like a PyTorch weight, zeros where the kernel hangs
 * over the padding. {@link #col2im} is its adjoint (scatter-add).
 */
public final class Im2col {
  private Im2col() {}

  /**
   * Fills {@code cols} [n·outH·outW, c·k·k] from {@code x} [n, c, h, w] for a convolution with
   * kernel k, stride s and padding p whose output grid is outH × outW.
   */
  public static void im2col(
      float[] x,
      int n,
      int c,
      int h,
      int w,
      int k,
      int s,
      int p,
      int outH,
      int outW,
      float[] cols) {
    int ckk = c * k * k;
    int rowsPerImage = outH * outW;
    Parallel.forRange(
        n,
        1,
        (long) rowsPerImage * ckk,
        (b0, b1) -> {
          for (int b = b0; b < b1; b++) {
            int xb = b * c * h * w;
            for (int oy = 0; oy < outH; oy++) {
              for (int ox = 0; ox < outW; ox++) {
                int row = ((b * outH + oy) * outW + ox) * ckk;
                int iy0 = oy * s - p;
                int ix0 = ox * s - p;
                int col = row;
                for (int ch = 0; ch < c; ch++) {
                  int xc = xb + ch * h * w;
                  for (int ky = 0; ky < k; ky++) {
                    int iy = iy0 + ky;
                    if (iy < 0 || iy >= h) {
                      Arrays.fill(cols, col, col + k, 0f);
                      col += k;
                      continue;
                    }
                    int xr = xc + iy * w;
                    for (int kx = 0; kx < k; kx++) {
                      int ix = ix0 + kx;
                      cols[col++] = (ix >= 0 && ix < w) ? x[xr + ix] : 0f;
                    }
                  }
                }
              }
            }
          }
        });
  }

  /**
   * Adds every entry of {@code cols} back to the input position it came from (zeroing {@code x}
   * first).
   */
  public static void col2im(
      float[] cols,
      int n,
      int c,
      int h,
      int w,
      int k,
      int s,
      int p,
      int outH,
      int outW,
      float[] x) {
    int ckk = c * k * k;
    int rowsPerImage = outH * outW;
    Parallel.forRange(
        n,
        1,
        (long) rowsPerImage * ckk,
        (b0, b1) -> {
          for (int b = b0; b < b1; b++) {
            int xb = b * c * h * w;
            Arrays.fill(x, xb, xb + c * h * w, 0f);
            for (int oy = 0; oy < outH; oy++) {
              for (int ox = 0; ox < outW; ox++) {
                int col = ((b * outH + oy) * outW + ox) * ckk;
                int iy0 = oy * s - p;
                int ix0 = ox * s - p;
                for (int ch = 0; ch < c; ch++) {
                  int xc = xb + ch * h * w;
                  for (int ky = 0; ky < k; ky++) {
                    int iy = iy0 + ky;
                    if (iy < 0 || iy >= h) {
                      col += k;
                      continue;
                    }
                    int xr = xc + iy * w;
                    for (int kx = 0; kx < k; kx++) {
                      int ix = ix0 + kx;
                      if (ix >= 0 && ix < w) {
                        x[xr + ix] += cols[col];
                      }
                      col++;
                    }
                  }
                }
              }
            }
          }
        });
  }

  /** NCHW [n, c, hw] to pixel-major rows [n·hw, c]. */
  public static void toRows(float[] x, int n, int c, int hw, float[] rows) {
    for (int b = 0; b < n; b++) {
      int xb = b * c * hw;
      int rb = b * hw * c;
      for (int ch = 0; ch < c; ch++) {
        int xc = xb + ch * hw;
        for (int i = 0; i < hw; i++) {
          rows[rb + i * c + ch] = x[xc + i];
        }
      }
    }
  }

  /** Pixel-major rows [n·hw, c] back to NCHW [n, c, hw]. */
  public static void fromRows(float[] rows, int n, int c, int hw, float[] x) {
    for (int b = 0; b < n; b++) {
      int xb = b * c * hw;
      int rb = b * hw * c;
      for (int ch = 0; ch < c; ch++) {
        int xc = xb + ch * hw;
        for (int i = 0; i < hw; i++) {
          x[xc + i] = rows[rb + i * c + ch];
        }
      }
    }
  }

  /** Transpose of a row-major [r, cols] matrix into [cols, r]. */
  public static float[] transpose(float[] a, int r, int cols) {
    float[] t = new float[a.length];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * r + i] = a[i * cols + j];
      }
    }
    return t;
  }
}
