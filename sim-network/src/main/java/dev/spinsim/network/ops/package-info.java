/**
 * Float reference operations and their gradients: convolution, transposed convolution, batchnorm,
 * linear, activations, losses.
 *
 * <p>May depend on {@code network.tensor}.
 */
package dev.spinsim.network.ops;
