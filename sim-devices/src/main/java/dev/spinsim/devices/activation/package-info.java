/**
 * Activation units: domain-wall ReLU and Leaky ReLU, digital CMOS units; transfer curve, energy and
 * latency per activation.
 *
 * <p>May depend on {@code core.config} (the optional-key marker of its spec).
 */
package dev.spinsim.devices.activation;
