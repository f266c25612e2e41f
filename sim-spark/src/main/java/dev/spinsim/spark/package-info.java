/**
 * The Spark executor of {@code spinsim sweep} ({@code --executor spark}): sweep points as Spark
 * jobs, embedded ({@code local[*]}) or on a cluster through {@code spark-submit}; nothing else in
 * spinsim depends on this module.
 *
 * <p>May depend on {@code cli} and {@code cli.sweep} (and Spark).
 */
package dev.spinsim.spark;
