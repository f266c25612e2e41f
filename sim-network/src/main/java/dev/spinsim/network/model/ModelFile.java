package dev.spinsim.network.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A model YAML as written, bound by {@code ConfigLoader} like a preset (same key-path errors, same
 * {@code --set} overrides, e.g. {@code generator[6].bias=false}): a name, the latent size, the
 * image shape and the two layer lists. {@link ModelLoader} chains the shapes into a {@link
 * ModelSpec}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelFile(
    String name,
    String description,
    int latent,
    Shape image,
    List<LayerSpec> generator,
    List<LayerSpec> discriminator) {
  /** Validates what a single key can tell. */
  public ModelFile {
    checkArgument(name != null && !name.isBlank(), "name must be a non-empty string");
    checkArgument(latent > 0, "latent must be a positive integer, got %s", latent);
    checkArgument(image != null, "image must be a mapping {channels, height, width}");
    checkArgument(
        generator != null && !generator.isEmpty(), "generator must be a non-empty list of layers");
    checkArgument(
        discriminator != null && !discriminator.isEmpty(),
        "discriminator must be a non-empty list of layers");
    generator = List.copyOf(generator);
    discriminator = List.copyOf(discriminator);
  }
}
