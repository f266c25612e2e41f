/**
 * GAN training in Java: Adam, BCE, checkpoints, optionally hardware-aware.
 *
 * <p>May depend on {@code network.hwaware}, {@code network.image}, {@code network.model}, {@code
 * network.ops}, {@code network.tensor} and {@code network.weights}.
 */
package dev.spinsim.network.train;
