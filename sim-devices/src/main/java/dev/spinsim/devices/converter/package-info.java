/**
 * Data converters: DACs and ADCs (SAR, flash, ramp, ideal), their quantisation and clipping,
 * conversion time and energy estimators.
 *
 * <p>May depend on {@code core.config}, {@code core.energy}, {@code devices.energy} (the component
 * vocabulary) and {@code devices.timing}; not on {@code devices.crossbar}, which uses it.
 */
package dev.spinsim.devices.converter;
