/**
 * The hardware runner: drives the engine through the chip image by image (cycle-accurate or functional), prices the ledger and derives the run metrics once.
 *
 * <p>May depend on sim-core, sim-devices, {@code network.chip}, {@code network.mapping}, {@code network.model} and {@code network.tensor}.
 */
package dev.spinsim.network.run;
