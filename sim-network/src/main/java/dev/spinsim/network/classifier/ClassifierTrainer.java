package dev.spinsim.network.classifier;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.train.Adam;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Trains a {@link CnnClassifier} with mini-batch Adam on softmax cross-entropy. The weights are
 * initialised and the batches shuffled from the config's seed, and every op is deterministic, so a
 * seed gives the same weights bit for bit.
 */
public final class ClassifierTrainer {
  /** Progress callbacks (for a progress bar); all default to doing nothing. */
  public interface Listener {
    default void epochStarted(int epoch, int epochs, int batches) {}

    default void batchDone(
        int epoch, int batch, double meanLoss, double trainAccuracy, double imagesPerSecond) {}

    default void epochDone(EpochSummary summary) {}
  }

  /**
   * One epoch's mean training loss and accuracy, test accuracy (NaN without a test set) and time.
   */
  public record EpochSummary(
      int epoch, double meanLoss, double trainAccuracy, double testAccuracy, double seconds) {}

  private final ClassifierTrainConfig config;

  public ClassifierTrainer(ClassifierTrainConfig config) {
    this.config = config;
  }

  /**
   * A freshly initialised classifier trained on {@code train}; {@code test} (nullable) is evaluated
   * after each epoch.
   */
  public CnnClassifier train(LabelledImages train, LabelledImages test, Listener listener) {
    ClassifierArchitecture arch = config.architecture();
    checkArgument(
        train.images().c() == arch.input().channels()
            && train.images().h() == arch.input().height()
            && train.images().w() == arch.input().width(),
        "the %s classifier takes %s images, the training set has %s",
        arch.name(),
        arch.input(),
        train.images().shapeString());
    for (int label : train.labels()) {
      checkArgument(
          label >= 0 && label < arch.classes(),
          "label %s outside the %s classes of %s",
          label,
          arch.classes(),
          arch.name());
    }
    CnnClassifier net = new CnnClassifier(arch);
    SplittableRandom rng = new SplittableRandom(config.seed());
    net.initialise(rng.nextLong());
    Adam adam = new Adam(net.parameters(), config.learningRate(), 0.9, 0.999, 1e-8);
    int n = train.size();
    int per = train.images().size() / n;
    int batches = IntMath.divide(n, config.batch(), RoundingMode.CEILING);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      shuffle(order, rng);
      listener.epochStarted(epoch, config.epochs(), batches);
      long start = System.nanoTime();
      double lossSum = 0;
      long correct = 0;
      for (int b = 0; b < batches; b++) {
        int from = b * config.batch(), to = Math.min(n, from + config.batch());
        int m = to - from;
        float[] x = new float[m * per];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
          int src = order[from + i];
          System.arraycopy(train.images().data(), src * per, x, i * per, per);
          y[i] = train.labels()[src];
        }
        net.zeroGrad();
        Tensor logits =
            net.logits(
                Tensor.of(
                    x, m, arch.input().channels(), arch.input().height(), arch.input().width()));
        SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(logits, y);
        net.backward(r.gradLogits());
        adam.step();
        lossSum += r.loss() * m;
        correct += r.correct();
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.batchDone(
            epoch, b + 1, lossSum / to, (double) correct / to, to / Math.max(seconds, 1e-9));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double testAccuracy = test == null ? Double.NaN : accuracy(net, test, 500);
      listener.epochDone(
          new EpochSummary(epoch, lossSum / n, (double) correct / n, testAccuracy, seconds));
    }
    return net;
  }

  /** Fraction of {@code data} whose most likely class is the label, evaluated in batches. */
  public static double accuracy(CnnClassifier net, LabelledImages data, int batch) {
    return accuracy(confusion(net, data, batch));
  }

  /** Fraction on the diagonal of confusion counts {@code [label][predicted]}. */
  public static double accuracy(int[][] confusion) {
    long correct = 0, total = 0;
    for (int c = 0; c < confusion.length; c++) {
      correct += confusion[c][c];
      for (int v : confusion[c]) {
        total += v;
      }
    }
    return (double) correct / total;
  }

  /** Confusion counts: {@code [label][predicted]} over {@code data}, evaluated in batches. */
  public static int[][] confusion(CnnClassifier net, LabelledImages data, int batch) {
    int classes = net.architecture().classes();
    int[][] m = new int[classes][classes];
    int n = data.size();
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      int[] pred =
          SoftmaxCrossEntropy.predictions(net.outputs(data.images().slice(from, to)).logits());
      for (int i = 0; i < pred.length; i++) {
        m[data.labels()[from + i]][pred[i]]++;
      }
    }
    return m;
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
