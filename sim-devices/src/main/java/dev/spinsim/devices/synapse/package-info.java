/**
 * Synapse devices: levels, conductances, programming cost and stochasticity, variation and read noise (the 6-bit skyrmion synapse, an RRAM cell, an ideal one).
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.devices.synapse;
