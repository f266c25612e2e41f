/**
 * The hardware runner: the stages a chip is made of (mapping, timing, resources, ledger ids,
 * values), driven by the engine image by image (cycle-accurate or functional); the run metrics.
 *
 * <p>May depend on sim-core, sim-devices and {@code network.mapping}; not on {@code network.chip}
 * or {@code network.generation}, which build and run its stages.
 */
package dev.spinsim.network.run;
