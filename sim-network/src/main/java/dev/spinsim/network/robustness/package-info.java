/**
 * How generator quality holds up on imperfect hardware: FID of weight sets (float weights quantised
 * after training, hardware-aware trained weights) on a preset with one non-ideality swept at a
 * time, against the float generator in software.
 *
 * <p>May depend on {@code devices.preset} and {@code network.quality}.
 */
package dev.spinsim.network.robustness;
