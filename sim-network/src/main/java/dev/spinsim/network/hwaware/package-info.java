/**
 * Hardware-aware training: weights quantised to device levels with a straight-through estimator,
 * activations replaced by device transfer curves.
 *
 * <p>May depend on {@code devices.activation}, {@code devices.preset} and {@code network.tensor}.
 */
package dev.spinsim.network.hwaware;
