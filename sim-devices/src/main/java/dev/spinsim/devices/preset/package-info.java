/**
 * Technology presets as YAML-bound records (paper, isaac, neurosim, ideal) and the devices, energy
 * table and timing they build.
 *
 * <p>May depend on {@code core.config}, {@code core.energy} and every other package of sim-devices.
 */
package dev.spinsim.devices.preset;
