/**
 * Clocks: time as an integer count of picoseconds, rounded to clock edges once.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.core.time;
