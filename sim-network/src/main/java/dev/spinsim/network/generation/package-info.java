/**
 * Generating images on a simulated chip: plans a model's crossbar stages, calibrates the converter
 * ranges, builds the chip, runs the latents through it ({@link
 * dev.spinsim.network.generation.Generation}) and prices the result ({@link
 * dev.spinsim.network.generation.GenerationResult}).
 *
 * <p>May depend on sim-core, sim-devices, {@code network.chip}, {@code network.mapping}, {@code
 * network.model}, {@code network.run} and {@code network.tensor}.
 */
package dev.spinsim.network.generation;
