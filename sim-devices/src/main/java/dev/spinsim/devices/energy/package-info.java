/**
 * The component classes and actions the devices are priced by, and the estimators that turn them
 * into pJ and mm².
 *
 * <p>May depend on {@code core.energy} and {@code devices.synapse}; not on {@code
 * devices.converter} or {@code devices.crossbar} (both use its component vocabulary: converters
 * bring their own estimators, crossbars book their reads).
 */
package dev.spinsim.devices.energy;
