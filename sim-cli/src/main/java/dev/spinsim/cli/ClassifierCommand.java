package dev.spinsim.cli;

import dev.spinsim.network.classifier.ClassifierTrainConfig;
import dev.spinsim.network.classifier.ClassifierTrainer;
import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.classifier.FmnistClassifier;
import dev.spinsim.network.classifier.LabelledImages;
import dev.spinsim.network.data.FashionMnist;
import dev.spinsim.network.tensor.Parallel;
import dev.spinsim.network.weights.SafeTensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinsim classifier}: trains and evaluates the Fashion-MNIST CNN whose features the FID uses. */
@Command(
    name = "classifier",
    mixinStandardHelpOptions = true,
    description = "Train or evaluate the Fashion-MNIST CNN whose 128-d feature layer is the FID feature space.",
    subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Eval.class})
final class ClassifierCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code spinsim classifier train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train the classifier (Adam, softmax cross-entropy; seeded and deterministic) and write safetensors weights.")
  static final class Train implements Callable<Integer> {
    @Option(names = "--epochs", defaultValue = "4", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the initial weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--data", description = "Fashion-MNIST folder (default: " + "/usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--limit", defaultValue = "0", description = "use only the first N training images (0: all)")
    int limit;

    @Option(names = "--out", defaultValue = "fmnist-cnn.safetensors", description = "weights file to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
      }
      ClassifierTrainConfig config = new ClassifierTrainConfig(epochs, batch, lr, seed);
      Path dir = data != null ? data : FashionMnist.DEFAULT_DIR;
      LabelledImages train = LabelledImages.fashionMnistTrain(dir, limit);
      LabelledImages test = LabelledImages.fashionMnistTest(dir, 0);
      System.out.printf(Locale.ROOT, "training the Fashion-MNIST classifier on %d images, batch %d, lr %g, %d epochs, seed %d, %d threads -> %s%n",
          train.size(), batch, lr, epochs, seed, Parallel.threads(), out);
      long start = System.nanoTime();
      double[] lastTest = {Double.NaN};
      FmnistClassifier net = new ClassifierTrainer(config).train(train, test, new BarListener(lastTest));
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("model", "fmnist-cnn");
      meta.put("architecture", FmnistClassifier.PYTORCH);
      meta.put("feature_layer", FmnistClassifier.FEATURE_LAYER);
      meta.put("command", String.format(Locale.ROOT, "spinsim classifier train --epochs %d --batch %d --lr %s --seed %d%s --out %s",
          epochs, batch, lr, seed, limit > 0 ? " --limit " + limit : "", out.getFileName()));
      meta.put("train_images", Integer.toString(train.size()));
      meta.put("test_accuracy", String.format(Locale.ROOT, "%.4f", lastTest[0]));
      meta.put("train_seconds", String.format(Locale.ROOT, "%.0f", seconds));
      SafeTensors.write(out, net.stateDict(), meta);
      System.out.printf(Locale.ROOT, "test accuracy %.2f %% after %d epochs, %.0f s; wrote %s%n", 100 * lastTest[0], epochs, seconds, out);
      return 0;
    }
  }

  /** {@code spinsim classifier eval}. */
  @Command(name = "eval", mixinStandardHelpOptions = true, description = "Print the classifier's accuracy on the Fashion-MNIST test set.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--weights", description = "classifier safetensors (default: the shipped weights)")
    Path weights;

    @Option(names = "--data", description = "Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)")
    Path data;

    @Override
    public Integer call() {
      ClassifierWeights.Loaded loaded = ClassifierWeights.load(weights);
      LabelledImages test = LabelledImages.fashionMnistTest(data != null ? data : FashionMnist.DEFAULT_DIR, 0);
      double acc = ClassifierTrainer.accuracy(loaded.classifier(), test, 500);
      System.out.printf(Locale.ROOT, "test accuracy %.2f %% (%d images, weights %s)%n", 100 * acc, test.size(), loaded.source());
      String command = loaded.metadata().get("command");
      if (command != null) {
        System.out.println("made by: " + command);
      }
      return 0;
    }
  }

  /** One progress bar per epoch with the running loss, accuracy and throughput. */
  private static final class BarListener implements ClassifierTrainer.Listener {
    private final double[] lastTest;
    private ProgressBar bar;

    BarListener(double[] lastTest) {
      this.lastTest = lastTest;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
      bar = ProgressBars.epoch(epoch, epochs, batches);
    }

    @Override
    public void batchDone(int epoch, int batch, double meanLoss, double trainAccuracy, double imagesPerSecond) {
      bar.stepTo(batch);
      bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f acc %.3f %.0f img/s", meanLoss, trainAccuracy, imagesPerSecond));
    }

    @Override
    public void epochDone(ClassifierTrainer.EpochSummary s) {
      bar.close();
      lastTest[0] = s.testAccuracy();
      System.out.printf(Locale.ROOT, "epoch %d: loss %.4f, train accuracy %.2f %%, test accuracy %.2f %%, %.1f s%n",
          s.epoch(), s.meanLoss(), 100 * s.trainAccuracy(), 100 * s.testAccuracy(), s.seconds());
    }
  }
}
