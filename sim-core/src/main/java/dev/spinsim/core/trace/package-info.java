/**
 * Opt-in traces streamed as CSV at a level (off, layer, op); the schema is documented in {@code
 * traces/README.md}.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.core.trace;
