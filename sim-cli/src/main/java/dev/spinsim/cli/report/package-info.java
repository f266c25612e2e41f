/**
 * A finished run as plain data ({@code RunReport}) and its writers: CSV tables, terminal summary,
 * charts and the self-contained {@code report.html}.
 *
 * <p>May depend on {@code cli.output} and on {@code network.run} (the run metrics); not on the
 * commands.
 */
package dev.spinsim.cli.report;
