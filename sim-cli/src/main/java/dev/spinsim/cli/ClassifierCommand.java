package dev.spinsim.cli;

import dev.spinsim.network.classifier.ClassifierArchitecture;
import dev.spinsim.network.classifier.ClassifierTrainConfig;
import dev.spinsim.network.classifier.ClassifierTrainer;
import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.classifier.CnnClassifier;
import dev.spinsim.network.classifier.LabelledImages;
import dev.spinsim.network.classifier.RealDataset;
import dev.spinsim.network.tensor.Parallel;
import dev.spinsim.network.weights.SafeTensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim classifier}: trains and evaluates the CNNs (Fashion-MNIST, emoji categories) whose
 * features the FID uses.
 */
@Command(
    name = "classifier",
    mixinStandardHelpOptions = true,
    description =
        "Train or evaluate a CNN (Fashion-MNIST classes, or emoji categories) whose 128-d feature layer is the FID feature space.",
    subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Eval.class})
final class ClassifierCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code spinsim classifier train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description =
          "Train the classifier (Adam, softmax cross-entropy; seeded and deterministic) and write safetensors weights.")
  static final class Train implements Callable<Integer> {
    @Option(
        names = "--dataset",
        defaultValue = "fmnist",
        description = "fmnist or emoji (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(
        names = "--labels",
        description =
            "emoji: the emoji.json giving each image's category (default: found beside --data)")
    Path labels;

    @Option(
        names = "--epochs",
        defaultValue = "4",
        description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
        names = "--batch",
        defaultValue = "64",
        description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
        names = "--lr",
        defaultValue = "1e-3",
        description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "seed of the initial weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--data",
        description =
            "data folder (fmnist: /usr/share/datasets/fashion-mnist; emoji: package/img/google/64)")
    Path data;

    @Option(
        names = "--limit",
        defaultValue = "0",
        description = "use only the first N training images (0: all)")
    int limit;

    @Option(
        names = "--out",
        description =
            "folder for <dataset>-cnn.safetensors (default: the current folder); a path ending in"
                + " .safetensors, the old meaning, still names the file itself")
    Path out;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
      }
      RealDataset set = RealDataset.of(dataset);
      ClassifierArchitecture arch = set.architecture();
      Path target =
          out == null
              ? Path.of(arch.name() + ".safetensors")
              : out.toString().endsWith(".safetensors")
                  ? out
                  : out.resolve(arch.name() + ".safetensors");
      if (out != null && target == out) {
        System.err.println(
            "spinsim: note: --out is a folder in every command; "
                + out
                + " is taken as the"
                + " weights file (the old meaning)");
      }
      ClassifierTrainConfig config = new ClassifierTrainConfig(arch, epochs, batch, lr, seed);
      LabelledImages train = set.train(data, labels, limit);
      LabelledImages test = set.test(data, labels);
      System.out.printf(
          Locale.ROOT,
          "training the %s classifier (%s) on %d images (%d test), batch %d, lr %g, %d epochs, seed %d,"
              + " %d threads -> %s%n",
          arch.name(),
          set.title(),
          train.size(),
          test.size(),
          batch,
          lr,
          epochs,
          seed,
          Parallel.threads(),
          target);
      long start = System.nanoTime();
      double[] lastTest = {Double.NaN};
      CnnClassifier net =
          new ClassifierTrainer(config).train(train, test, new BarListener(lastTest));
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("model", arch.name());
      meta.put("architecture", arch.pytorch());
      meta.put("feature_layer", arch.featureLayer());
      meta.put("classes", String.join("|", arch.classNames()));
      meta.put(
          "command",
          String.format(
              Locale.ROOT,
              "spinsim classifier train%s --epochs %d --batch %d --lr %s --seed %d%s --out %s",
              set == RealDataset.FASHION_MNIST ? "" : " --dataset " + set.id(),
              epochs,
              batch,
              lr,
              seed,
              limit > 0 ? " --limit " + limit : "",
              target.getFileName()));
      meta.put("train_images", Integer.toString(train.size()));
      meta.put("test_accuracy", String.format(Locale.ROOT, "%.4f", lastTest[0]));
      meta.put("train_seconds", String.format(Locale.ROOT, "%.0f", seconds));
      SafeTensors.write(target, net.stateDict(), meta);
      System.out.printf(
          Locale.ROOT,
          "test accuracy %.2f %% after %d epochs, %.0f s; wrote %s%n",
          100 * lastTest[0],
          epochs,
          seconds,
          target);
      return 0;
    }
  }

  /** {@code spinsim classifier eval}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = "Print a classifier's accuracy on its data set's test split.")
  static final class Eval implements Callable<Integer> {
    @Option(
        names = "--dataset",
        defaultValue = "fmnist",
        description = "fmnist or emoji (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(
        names = "--weights",
        description = "classifier safetensors (default: the shipped weights)")
    Path weights;

    @Option(
        names = "--data",
        description =
            "data folder (fmnist: /usr/share/datasets/fashion-mnist; emoji: package/img/google/64)")
    Path data;

    @Option(
        names = "--labels",
        description =
            "emoji: the emoji.json giving each image's category (default: found beside --data)")
    Path labels;

    @Override
    public Integer call() {
      RealDataset set = RealDataset.of(dataset);
      ClassifierWeights.Loaded loaded = ClassifierWeights.load(set.architecture(), weights);
      LabelledImages test = set.test(data, labels);
      int[][] confusion = ClassifierTrainer.confusion(loaded.classifier(), test, 500);
      System.out.printf(
          Locale.ROOT,
          "test accuracy %.2f %% (%d images, weights %s)%n",
          100 * ClassifierTrainer.accuracy(confusion),
          test.size(),
          loaded.source());
      List<String> names = set.architecture().classNames();
      for (int c = 0; c < confusion.length; c++) {
        int n = Arrays.stream(confusion[c]).sum();
        System.out.printf(
            Locale.ROOT,
            "  %-18s %5d images  %s%n",
            names.get(c),
            n,
            n == 0 ? "-" : String.format(Locale.ROOT, "%6.2f %%", 100.0 * confusion[c][c] / n));
      }
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
    public void batchDone(
        int epoch, int batch, double meanLoss, double trainAccuracy, double imagesPerSecond) {
      bar.stepTo(batch);
      bar.setExtraMessage(
          String.format(
              Locale.ROOT,
              "loss %.3f acc %.3f %.0f img/s",
              meanLoss,
              trainAccuracy,
              imagesPerSecond));
    }

    @Override
    public void epochDone(ClassifierTrainer.EpochSummary s) {
      bar.close();
      lastTest[0] = s.testAccuracy();
      System.out.printf(
          Locale.ROOT,
          "epoch %d: loss %.4f, train accuracy %.2f %%, test accuracy %.2f %%, %.1f s%n",
          s.epoch(),
          s.meanLoss(),
          100 * s.trainAccuracy(),
          100 * s.testAccuracy(),
          s.seconds());
    }
  }
}
