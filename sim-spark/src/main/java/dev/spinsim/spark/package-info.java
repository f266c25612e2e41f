/**
 * The Spark executor of {@code spinsim sweep} ({@code --executor spark}): sweep points as Spark
 * jobs, embedded ({@code local[*]}) or on a cluster through {@code spark-submit}. Depends on
 * sim-cli's sweep package and Spark; nothing else in spinsim depends on this module.
 */
package dev.spinsim.spark;
