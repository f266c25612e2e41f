/**
 * Shared resources (an ADC bank, a bus, a buffer port) as servers with a capacity: acquiring one
 * returns the start time, so queueing falls out of the model.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.core.resource;
