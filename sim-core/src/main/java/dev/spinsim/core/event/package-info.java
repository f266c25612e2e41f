/**
 * The discrete-event engine: a deterministic queue ordered by (time, priority, insertion) and the
 * simulator loop.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.core.event;
