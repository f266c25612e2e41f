/**
 * Weights files: the safetensors format, shipped weight sets, and building a network from a file
 * checked whole before use.
 *
 * <p>May depend on {@code network.hwaware}, {@code network.model} and {@code network.tensor}.
 */
package dev.spinsim.network.weights;
