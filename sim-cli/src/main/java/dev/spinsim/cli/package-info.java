/**
 * The {@code spinsim} command (picocli): one class per sub-command, the inputs they resolve and the
 * conventions they share.
 *
 * <p>May depend on every package of sim-core, sim-devices and sim-network, and on {@code
 * cli.output}, {@code cli.report} and {@code cli.sweep}; nothing depends on it.
 */
package dev.spinsim.cli;
