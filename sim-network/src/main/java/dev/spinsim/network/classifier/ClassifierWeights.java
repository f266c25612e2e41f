package dev.spinsim.network.classifier;

import dev.spinsim.network.weights.SafeTensors;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped classifier weights ({@code weights/classifier/<architecture>.safetensors}, with the
 * command that made them and their measured test accuracy in the metadata) or a user's file.
 */
public final class ClassifierWeights {
  private static final String DIR = "/dev/spinsim/network/weights/classifier/";

  /** Classpath resource of the shipped Fashion-MNIST classifier. */
  public static final String RESOURCE = resource(ClassifierArchitecture.FMNIST);

  /** A loaded classifier, where it came from and the file's metadata. */
  public record Loaded(CnnClassifier classifier, String source, Map<String, String> metadata) {}

  private ClassifierWeights() {}

  /** Classpath resource of {@code architecture}'s shipped weights. */
  public static String resource(ClassifierArchitecture architecture) {
    return DIR + architecture.name() + ".safetensors";
  }

  /** Loads {@code file}, or the shipped Fashion-MNIST weights when it is null. */
  public static Loaded load(Path file) {
    return load(ClassifierArchitecture.FMNIST, file);
  }

  /**
   * Loads {@code file} as {@code architecture}, or that architecture's shipped weights when it is
   * null.
   */
  public static Loaded load(ClassifierArchitecture architecture, Path file) {
    SafeTensors.Contents c;
    String source;
    if (file != null) {
      c = SafeTensors.read(file);
      source = file.toString();
    } else {
      String resource = resource(architecture);
      if (ClassifierWeights.class.getResource(resource) == null) {
        throw new IllegalArgumentException(
            "no shipped "
                + architecture.name()
                + " classifier weights ("
                + resource
                + "); train them with `spinsim classifier train` and pass --classifier FILE");
      }
      c = SafeTensors.readResource(resource);
      source = "classpath:" + resource;
    }
    CnnClassifier net = new CnnClassifier(architecture);
    net.loadStateDict(c.tensors(), source);
    return new Loaded(net, source, c.metadata());
  }
}
