/**
 * Synapse devices: levels, conductances, programming cost and stochasticity, variation and read
 * noise (the 6-bit skyrmion synapse, an RRAM cell, an ideal one).
 *
 * <p>May depend on {@code core.config} (the optional-key marker of its spec).
 */
package dev.spinsim.devices.synapse;
