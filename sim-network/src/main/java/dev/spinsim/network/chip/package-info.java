/**
 * The chip: a network planned into crossbar stages (batchnorm folded, activations attached), built
 * into tiles of programmed crossbars with converters, buffers and an interconnect.
 *
 * <p>May depend on sim-core, sim-devices, {@code network.mapping}, {@code network.model}, {@code
 * network.tensor} and {@code network.run} (the stages it builds for the runner); {@code
 * network.run} does not depend on it.
 */
package dev.spinsim.network.chip;
