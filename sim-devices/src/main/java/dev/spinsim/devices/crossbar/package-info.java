/**
 * Crossbars of synapses: signed-weight mappings (differential, offset), programming, the analog
 * read, its closed-form counts and their booking in an action ledger.
 *
 * <p>May depend on {@code core.energy}, {@code devices.synapse}, {@code devices.converter} and
 * {@code devices.energy} (the component vocabulary).
 */
package dev.spinsim.devices.crossbar;
