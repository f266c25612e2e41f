package dev.spinsim.devices.crossbar;

/**
 * How input values reach the rows: {@code UNSIGNED} inputs in [0, 1] (post-ReLU activations), or
 * {@code SIGN_SPLIT}: inputs in [−1, 1] applied as a positive-part pass and a negative-part pass
 * whose results are subtracted digitally (twice the cycles, always, so counts stay closed-form).
 */
public enum InputEncoding {
  UNSIGNED,
  SIGN_SPLIT;

  public int passes() {
    return this == SIGN_SPLIT ? 2 : 1;
  }

  public static InputEncoding parse(String s) {
    return switch (s) {
      case "unsigned" -> UNSIGNED;
      case "sign-split" -> SIGN_SPLIT;
      default ->
          throw new IllegalArgumentException(
              "inputEncoding must be unsigned or sign-split, got " + s);
    };
  }
}
