/**
 * Built-in calibration workloads compared with published figures ({@code spinsim calibrate}).
 *
 * <p>May depend on sim-core, sim-devices and {@code network.chip}, {@code network.generation},
 * {@code network.mapping}, {@code network.model}, {@code network.run}.
 */
package dev.spinsim.network.calibration;
