/**
 * Models as data: the sealed {@code LayerSpec} records bound from YAML by {@code core.config},
 * shape chaining, and the runnable {@code Network} with PyTorch-named parameters and its load-time
 * checks.
 *
 * <p>May depend on {@code core.config}, {@code network.hwaware}, {@code network.mapping}, {@code
 * network.ops} and {@code network.tensor}.
 */
package dev.spinsim.network.model;
