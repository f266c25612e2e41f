/**
 * Files a command writes: run folders built in a staging directory and moved into place, PNG
 * images, {@code .npy} arrays.
 *
 * <p>Depends on no other spinsim package (the JDK and Guava only).
 */
package dev.spinsim.cli.output;
