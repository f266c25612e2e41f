/**
 * Crossbars of synapses: signed-weight mappings (differential, offset), programming, the analog read and its closed-form counts.
 *
 * <p>May depend on {@code devices.synapse} and {@code devices.converter}.
 */
package dev.spinsim.devices.crossbar;
