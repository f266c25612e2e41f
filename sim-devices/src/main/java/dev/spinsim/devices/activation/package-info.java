/**
 * Activation units: domain-wall ReLU and Leaky ReLU, digital CMOS units; transfer curve, energy and latency per activation.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.devices.activation;
