/**
 * Energy as data (the Accelergy idea): an action ledger of (component, action, count) and energy
 * tables that price it afterwards.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.core.energy;
