package dev.spinsim.network.hwaware;

/**
 * An activation's transfer curve as the hardware realises it (e.g. a domain-wall ReLU), with the
 * derivative training needs.
 */
public interface ActivationTransfer {
  double apply(double x);

  double derivative(double x);

  /** A short description for logs and run records. */
  String describe();
}
