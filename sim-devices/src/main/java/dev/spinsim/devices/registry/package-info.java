/**
 * Devices by name: the built-in registrations and the {@code ServiceLoader} plug point, so a new
 * device is a class plus a registration.
 *
 * <p>May depend on {@code devices.activation}, {@code devices.converter}, {@code devices.energy}
 * and {@code devices.synapse}; they do not depend on it.
 */
package dev.spinsim.devices.registry;
