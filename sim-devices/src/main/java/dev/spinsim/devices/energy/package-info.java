/**
 * The component classes and actions the devices are priced by, and the estimators that turn them into pJ and mm².
 *
 * <p>May depend on {@code core.energy}, {@code devices.synapse} and {@code devices.crossbar}; not on {@code devices.converter} (converters bring their own estimators).
 */
package dev.spinsim.devices.energy;
