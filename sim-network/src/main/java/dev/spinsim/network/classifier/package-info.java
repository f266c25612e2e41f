/**
 * The CNN classifiers whose feature layer is the FID feature space, their training and shipped
 * weights.
 *
 * <p>May depend on {@code network.data}, {@code network.model}, {@code network.tensor}, {@code
 * network.train} and {@code network.weights}.
 */
package dev.spinsim.network.classifier;
