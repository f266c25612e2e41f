/**
 * Timing estimators beside the energy estimators: the phase-time formulas of the readout circuits
 * ({@link dev.spinsim.devices.timing.CircuitTiming}) and the derived-or-pinned phase times of a
 * preset's chip ({@link dev.spinsim.devices.timing.ChipTiming}); the preset and converter packages
 * use it.
 *
 * <p>Depends on no other spinsim package (Guava only).
 */
package dev.spinsim.devices.timing;
