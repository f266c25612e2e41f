package dev.spinsim.network.quality;

import dev.spinsim.network.classifier.CnnClassifier;
import dev.spinsim.network.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * FID features from a spinsim classifier: the ReLU activations of its penultimate layer ({@link
 * dev.spinsim.network.classifier.ClassifierArchitecture#featureLayer()}), e.g. {@code
 * fmnist-cnn-relu128@3cd3d4b2}. The name carries a digest of the weights, so numbers from different
 * classifiers are never mistaken for comparable ones.
 */
public final class ClassifierFeatureExtractor implements FeatureExtractor {
  private static final int BATCH = 500;

  private final CnnClassifier classifier;
  private final String name;

  public ClassifierFeatureExtractor(CnnClassifier classifier) {
    this.classifier = classifier;
    this.name =
        classifier.architecture().name()
            + "-relu"
            + classifier.architecture().features()
            + "@"
            + digest(classifier.stateDict());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dims() {
    return classifier.architecture().features();
  }

  @Override
  public float[][] features(Tensor images) {
    int n = images.n();
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += BATCH) {
      int to = Math.min(n, from + BATCH);
      Tensor batch = from == 0 && to == n ? images : images.slice(from, to);
      float[][] f = classifier.outputs(batch).features();
      System.arraycopy(f, 0, out, from, to - from);
    }
    return out;
  }

  public CnnClassifier classifier() {
    return classifier;
  }

  /** First 8 hex digits of SHA-256 over the tensor names, shapes and float bits. */
  static String digest(Map<String, Tensor> state) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, Tensor> e : state.entrySet()) {
        md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteBuffer buf =
            ByteBuffer.allocate(4 * (e.getValue().size() + e.getValue().rank()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int d : e.getValue().shape()) {
          buf.putInt(d);
        }
        for (float v : e.getValue().data()) {
          buf.putFloat(v);
        }
        md.update(buf.array());
      }
      return HexFormat.of().formatHex(md.digest(), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
