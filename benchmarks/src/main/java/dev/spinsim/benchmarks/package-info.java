/**
 * JMH benchmarks of the hot loops and of whole runs (ratios against a baseline measured in the same
 * run).
 *
 * <p>May depend on every module; nothing depends on it.
 */
package dev.spinsim.benchmarks;
