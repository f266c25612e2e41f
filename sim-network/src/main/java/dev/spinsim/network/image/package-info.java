/**
 * Image grids of generated samples.
 *
 * <p>May depend on {@code network.tensor}.
 */
package dev.spinsim.network.image;
