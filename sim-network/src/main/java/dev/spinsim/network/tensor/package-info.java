/**
 * Dense float tensors in N×C×H×W order and the im2col unfolding of inputs.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.network.tensor;
