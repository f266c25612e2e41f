package dev.spinsim.network.classifier;

import dev.spinsim.network.weights.SafeTensors;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped classifier weights ({@code weights/classifier/fmnist-cnn.safetensors}, with the
 * command that made them and their measured test accuracy in the metadata) or a user's file.
 */
public final class ClassifierWeights {
  /** Classpath resource of the shipped Fashion-MNIST classifier. */
  public static final String RESOURCE = "/dev/spinsim/network/weights/classifier/fmnist-cnn.safetensors";

  /** A loaded classifier, where it came from and the file's metadata. */
  public record Loaded(FmnistClassifier classifier, String source, Map<String, String> metadata) {}

  private ClassifierWeights() {}

  /** Loads {@code file}, or the shipped weights when it is null. */
  public static Loaded load(Path file) {
    SafeTensors.Contents c;
    String source;
    if (file != null) {
      c = SafeTensors.read(file);
      source = file.toString();
    } else {
      if (ClassifierWeights.class.getResource(RESOURCE) == null) {
        throw new IllegalArgumentException("no shipped classifier weights (" + RESOURCE
            + "); train them with `spinsim classifier train` and pass --classifier FILE");
      }
      c = SafeTensors.readResource(RESOURCE);
      source = "classpath:" + RESOURCE;
    }
    FmnistClassifier net = new FmnistClassifier();
    net.loadStateDict(c.tensors(), source);
    return new Loaded(net, source, c.metadata());
  }
}
