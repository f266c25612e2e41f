/**
 * Timing estimators beside the energy estimators: the phase-time formulas of the readout circuits
 * ({@link dev.spinsim.devices.timing.CircuitTiming}) and the derived-or-pinned phase times of a
 * preset's chip ({@link dev.spinsim.devices.timing.ChipTiming}). Depends only on Guava; the preset
 * and converter packages use it.
 */
package dev.spinsim.devices.timing;
