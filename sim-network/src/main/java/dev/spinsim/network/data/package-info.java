/**
 * Data sets: Fashion-MNIST (IDX files) and folders of PNG images.
 *
 * <p>May depend on {@code network.tensor}.
 */
package dev.spinsim.network.data;
