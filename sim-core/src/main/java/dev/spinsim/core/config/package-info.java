/**
 * YAML bound to immutable records (Jackson) with {@code --set key.path=value} overrides; every
 * failure a one-line error naming the file and the key path.
 *
 * <p>Depends on no other spinsim package.
 */
package dev.spinsim.core.config;
