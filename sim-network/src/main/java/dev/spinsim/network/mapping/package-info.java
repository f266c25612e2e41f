/**
 * Layers onto crossbars: geometry (im2col, the zero-insertion rewrite), weight matrices with
 * batchnorm folded, tiling strategies and the mapping report.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.network.mapping;
