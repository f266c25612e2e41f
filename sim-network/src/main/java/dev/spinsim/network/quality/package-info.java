/**
 * Image quality: FID in a classifier feature space, image sources (real, float generator, chip).
 *
 * <p>May depend on {@code core.trace}, {@code network.classifier}, {@code network.generation},
 * {@code network.model}, {@code network.run}, {@code network.tensor} and {@code network.weights}.
 */
package dev.spinsim.network.quality;
