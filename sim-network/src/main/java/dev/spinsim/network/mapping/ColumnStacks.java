package dev.spinsim.network.mapping;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import java.math.RoundingMode;

/**
 * How a layer's row blocks group into column stacks: with analog partial sums the column currents
 * of up to {@code maxHeight} crossbars stacked in a column are summed before one conversion ({@code
 * crossbar.maxStackHeight}); a phase taller than that splits into several stacks whose conversions
 * add digitally. With digital partial sums every crossbar is its own stack (height 1). Stacks never
 * cross a phase: each phase's blocks are cut top-down into stacks of {@code maxHeight}, the last
 * one shorter. Stack {@code s} holds row blocks {@code [firstBlock(s), firstBlock(s) + blocks(s))};
 * stacks are numbered phase by phase.
 */
public final class ColumnStacks {
  private final int height;
  private final int[] stackOfBlock;
  private final int[] firstBlock;
  private final int[] blocks;
  private final int[] phaseStart;

  /** The stacks of {@code m}'s row blocks, at most {@code maxHeight} crossbars each. */
  public ColumnStacks(LayerMapping m, int maxHeight) {
    checkArgument(maxHeight >= 1, "a column stack holds at least one crossbar, got %s", maxHeight);
    PhaseLayout layout = m.layout();
    this.height = maxHeight;
    int phases = layout.phases();
    this.phaseStart = new int[phases + 1];
    int n = 0;
    for (int ph = 0; ph < phases; ph++) {
      phaseStart[ph] = n;
      n += IntMath.divide(layout.blocks(ph), maxHeight, RoundingMode.CEILING);
    }
    phaseStart[phases] = n;
    this.firstBlock = new int[n];
    this.blocks = new int[n];
    this.stackOfBlock = new int[layout.rowBlocks()];
    for (int ph = 0; ph < phases; ph++) {
      for (int s = phaseStart[ph]; s < phaseStart[ph + 1]; s++) {
        int k = s - phaseStart[ph];
        firstBlock[s] = layout.firstBlock(ph) + k * maxHeight;
        blocks[s] = Math.min(maxHeight, layout.blocks(ph) - k * maxHeight);
        for (int rb = firstBlock[s]; rb < firstBlock[s] + blocks[s]; rb++) {
          stackOfBlock[rb] = s;
        }
      }
    }
  }

  /** The most crossbars a stack holds. */
  public int maxHeight() {
    return height;
  }

  /** Stacks per column block, all phases. */
  public int stacks() {
    return firstBlock.length;
  }

  /** The stack holding row block {@code rb}. */
  public int stackOf(int rb) {
    return stackOfBlock[rb];
  }

  /** First row block of stack {@code s}. */
  public int firstBlock(int s) {
    return firstBlock[s];
  }

  /** Row blocks (crossbars per column block) of stack {@code s}. */
  public int blocks(int s) {
    return blocks[s];
  }

  /** The last row block of stack {@code s}: the one its conversions happen below. */
  public int lastBlock(int s) {
    return firstBlock[s] + blocks[s] - 1;
  }

  /** First stack of phase {@code ph}. */
  public int firstStack(int ph) {
    return phaseStart[ph];
  }

  /** Stacks of phase {@code ph} (0 for a phase with no rows). */
  public int stacksOfPhase(int ph) {
    return phaseStart[ph + 1] - phaseStart[ph];
  }

  /** The most stacks any phase has: the depth of the digital partial-sum tree. */
  public int maxStacksOfPhase() {
    int m = 0;
    for (int ph = 0; ph + 1 < phaseStart.length; ph++) {
      m = Math.max(m, stacksOfPhase(ph));
    }
    return m;
  }
}
