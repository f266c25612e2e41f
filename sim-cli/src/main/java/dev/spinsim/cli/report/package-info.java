/**
 * A finished run as plain data ({@code RunReport}) and its writers: CSV tables, terminal summary,
 * charts and the self-contained {@code report.html}.
 *
 * <p>May depend on {@code cli.output}, on {@code network.run} (the run metrics) and on {@code
 * network.tensor} (its thread pool renders the charts); not on the commands.
 */
package dev.spinsim.cli.report;
