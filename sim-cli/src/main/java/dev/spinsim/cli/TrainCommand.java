package dev.spinsim.cli;

import dev.spinsim.network.data.FashionMnist;
import dev.spinsim.network.data.ImageFolder;
import dev.spinsim.network.hwaware.HardwareAwareness;
import dev.spinsim.network.hwaware.HardwarePresets;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.tensor.Parallel;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.train.EpochResult;
import dev.spinsim.network.train.GanTrainer;
import dev.spinsim.network.train.TrainConfig;
import dev.spinsim.network.train.TrainingListener;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinsim train}: trains a DCGAN in Java (float or hardware-aware) with checkpoints per
 * epoch.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a DCGAN (Adam lr 2e-4, beta1 0.5, BCE), writing a checkpoint and a sample grid per epoch.")
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      defaultValue = "fmnist",
      description = "fmnist, dcgan64 or a model YAML file (default: ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = "--epochs",
      defaultValue = "5",
      description = "epochs to train in total (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(
      names = "--batch",
      defaultValue = "64",
      description = "batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--hw-aware",
      description = "train against the hardware: quantised weights, domain-wall activation curves")
  boolean hwAware;

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description = "hardware preset for --hw-aware (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(
      names = "--out",
      description = "output folder (default: traces/train/<model>[-hw-<preset>])")
  Path out;

  @Option(names = "--resume", description = "continue from the checkpoint in --out")
  boolean resume;

  @Option(
      names = "--data",
      description = "dataset folder (fmnist: the IDX .gz files; dcgan64: a folder of PNGs)")
  Path data;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "use only the first N training images (0: all)")
  int limit;

  @Option(
      names = "--real-label",
      defaultValue = "1.0",
      description =
          "discriminator target for real images; 0.9 is one-sided label smoothing (default: ${DEFAULT-VALUE})")
  double realLabel;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
    }
    ModelSpec spec = ModelLoader.load(model);
    HardwareAwareness hw = hwAware ? HardwarePresets.resolve(preset) : HardwareAwareness.NONE;
    String hwName = hwAware ? preset : "float";
    Path dir =
        out != null
            ? out
            : dev.spinsim.cli.output.RunFolder.HOME.resolve(
                Path.of("traces", "train", spec.name() + (hwAware ? "-hw-" + preset : "")));
    TrainConfig config =
        TrainConfig.dcgan(spec, epochs, batch, seed, hw, hwName, dir, resume)
            .withRealLabel(realLabel);
    Tensor images = loadImages(spec);
    GanTrainer trainer = new GanTrainer(config);
    System.out.printf(
        Locale.ROOT,
        "training %s (%s) on %d images, batch %d, epochs %d..%d, seed %d, %d threads -> %s%n",
        spec.name(),
        hw.description(),
        images.n(),
        batch,
        trainer.completedEpochs() + 1,
        epochs,
        seed,
        Parallel.threads(),
        dir);
    trainer.train(images, new BarListener());
    return 0;
  }

  private Tensor loadImages(ModelSpec spec) {
    if (spec.image().channels() == 1 && spec.image().height() == 28) {
      return FashionMnist.trainImages(data != null ? data : FashionMnist.DEFAULT_DIR, limit);
    }
    if (data == null) {
      throw new IllegalArgumentException(
          "--data DIR is required for "
              + spec.name()
              + " (a folder of PNGs, e.g. the emoji set: npm pack emoji-datasource-google@16.0.0, then package/img/google/64/)");
    }
    return ImageFolder.load(data, spec.image().height(), limit);
  }

  /** Draws one progress bar per epoch with the losses and the throughput. */
  private static final class BarListener implements TrainingListener {
    private ProgressBar bar;

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
      bar = ProgressBars.epoch(epoch, epochs, batches);
    }

    @Override
    public void batchDone(
        int epoch, int batch, double lossD, double lossG, double imagesPerSecond) {
      bar.stepTo(batch);
      bar.setExtraMessage(
          String.format(Locale.ROOT, "D %.3f G %.3f %.0f img/s", lossD, lossG, imagesPerSecond));
    }

    @Override
    public void epochDone(EpochResult r) {
      bar.close();
      System.out.printf(
          Locale.ROOT,
          "epoch %d: loss D %.3f G %.3f, D(x) %.3f D(G(z)) %.3f, %.1f s, %.1f images/s, samples %s%n",
          r.epoch(),
          r.meanLossD(),
          r.meanLossG(),
          r.meanDReal(),
          r.meanDFake(),
          r.seconds(),
          r.imagesPerSecond(),
          r.samples());
    }
  }
}
