package dev.spinsim.network.train;

import static com.google.common.base.Preconditions.checkArgument;

import dev.spinsim.network.image.ImageGrid;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.ops.BinaryCrossEntropy;
import dev.spinsim.network.tensor.Tensor;
import dev.spinsim.network.weights.SafeTensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * DCGAN training as in the PyTorch tutorial: per batch, a discriminator step on real (target 1)
 * then fake (target 0) images, then a generator step through the discriminator (target 1), Adam on
 * both, batchnorm in training mode. Each epoch shuffles with its own RNG derived from the seed, so
 * a run resumed at an epoch boundary continues exactly as an uninterrupted one. Per epoch it writes
 * the checkpoint (generator, discriminator, optimizer state) and a grid of samples from a fixed
 * latent batch.
 */
public final class GanTrainer {
  public static final String GENERATOR_FILE = "generator.safetensors";
  public static final String DISCRIMINATOR_FILE = "discriminator.safetensors";
  public static final String OPTIMIZER_FILE = "optimizer.safetensors";

  private final TrainConfig config;
  private final Network generator;
  private final Network discriminator;
  private final Adam adamG;
  private final Adam adamD;
  private final Tensor fixedLatent;
  private int completedEpochs;

  public GanTrainer(TrainConfig config) {
    this.config = config;
    this.generator = new Network(config.model().generator(), config.hardware());
    this.discriminator = new Network(config.model().discriminator(), config.hardware());
    SplittableRandom init = new SplittableRandom(config.seed());
    generator.initDcgan(init);
    discriminator.initDcgan(init);
    this.adamG =
        new Adam(generator.parameters(), config.lr(), config.beta1(), config.beta2(), 1e-8);
    this.adamD =
        new Adam(discriminator.parameters(), config.lr(), config.beta1(), config.beta2(), 1e-8);
    this.fixedLatent =
        Tensor.normal(
            new SplittableRandom(config.seed() ^ 0x5EED_F1C5L),
            0,
            1,
            config.sampleCount(),
            config.model().latent(),
            1,
            1);
    if (config.resume()) {
      resume();
    }
  }

  public Network generator() {
    return generator;
  }

  public Network discriminator() {
    return discriminator;
  }

  public int completedEpochs() {
    return completedEpochs;
  }

  private void resume() {
    Path opt = config.out().resolve(OPTIMIZER_FILE);
    if (!Files.isRegularFile(opt)) {
      throw new IllegalArgumentException(
          "--resume: no checkpoint in " + config.out() + " (missing " + OPTIMIZER_FILE + ")");
    }
    SafeTensors.Contents o = SafeTensors.read(opt);
    Map<String, String> meta = o.metadata();
    String want =
        config.model().name()
            + " / "
            + config.hardwareName()
            + " / seed "
            + config.seed()
            + " / batch "
            + config.batch();
    String have =
        meta.get("model")
            + " / "
            + meta.get("hardware")
            + " / seed "
            + meta.get("seed")
            + " / batch "
            + meta.get("batch");
    if (!want.equals(have)) {
      throw new IllegalArgumentException(
          opt + ": checkpoint is for " + have + " but this run is " + want);
    }
    generator.loadStateDict(
        SafeTensors.read(config.out().resolve(GENERATOR_FILE)).tensors(),
        config.out().resolve(GENERATOR_FILE).toString());
    discriminator.loadStateDict(
        SafeTensors.read(config.out().resolve(DISCRIMINATOR_FILE)).tensors(),
        config.out().resolve(DISCRIMINATOR_FILE).toString());
    adamG.load(
        o.tensors(), "generator.", Long.parseLong(meta.get("steps_generator")), opt.toString());
    adamD.load(
        o.tensors(),
        "discriminator.",
        Long.parseLong(meta.get("steps_discriminator")),
        opt.toString());
    completedEpochs = Integer.parseInt(meta.get("epoch"));
  }

  /**
   * Trains from the current epoch up to {@code config.epochs()} on {@code images} [n, C, H, W] in
   * [−1, 1].
   */
  public void train(Tensor images, TrainingListener listener) {
    checkArgument(
        images.rank() == 4
            && images.c() == config.model().image().channels()
            && images.h() == config.model().image().height()
            && images.w() == config.model().image().width(),
        "training images %s do not match the model's image %s",
        images.shapeString(),
        config.model().image());
    int n = images.n();
    int batch = config.batch();
    int batches = n / batch;
    checkArgument(batches > 0, "need at least one full batch: %s images < batch %s", n, batch);
    int per = images.size() / n;
    for (int epoch = completedEpochs + 1; epoch <= config.epochs(); epoch++) {
      listener.epochStarted(epoch, config.epochs(), batches);
      SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + epoch);
      int[] order = permutation(n, rng);
      long start = System.nanoTime();
      double sumD = 0, sumG = 0, sumReal = 0, sumFake = 0;
      for (int b = 0; b < batches; b++) {
        Tensor real = Tensor.zeros(batch, images.c(), images.h(), images.w());
        for (int i = 0; i < batch; i++) {
          System.arraycopy(images.data(), order[b * batch + i] * per, real.data(), i * per, per);
        }
        Tensor z = Tensor.normal(rng, 0, 1, batch, config.model().latent(), 1, 1);
        double[] losses = step(real, z);
        sumD += losses[0];
        sumG += losses[1];
        sumReal += losses[2];
        sumFake += losses[3];
        double secs = (System.nanoTime() - start) / 1e9;
        listener.batchDone(epoch, b + 1, losses[0], losses[1], (b + 1) * (double) batch / secs);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      completedEpochs = epoch;
      Path samples =
          config.out().resolve(String.format(Locale.ROOT, "samples-epoch-%03d.png", epoch));
      writeCheckpoint();
      ImageGrid.write(sample(fixedLatent), 8, 2, samples);
      EpochResult r =
          new EpochResult(
              epoch,
              batches * batch,
              sumD / batches,
              sumG / batches,
              sumReal / batches,
              sumFake / batches,
              seconds,
              samples);
      appendLog(r);
      listener.epochDone(r);
    }
  }

  /** One DCGAN iteration; returns {lossD, lossG, mean D(real), mean D(G(z))}. */
  public double[] step(Tensor real, Tensor z) {
    discriminator.zeroGrad();
    Tensor outReal = discriminator.forward(real, true);
    float realLabel = (float) config.realLabel();
    double errReal = BinaryCrossEntropy.loss(outReal, realLabel);
    discriminator.backward(BinaryCrossEntropy.gradient(outReal, realLabel), true, false);
    Tensor fake = generator.forward(z, true);
    Tensor outFake = discriminator.forward(fake, true);
    double errFake = BinaryCrossEntropy.loss(outFake, 0f);
    discriminator.backward(BinaryCrossEntropy.gradient(outFake, 0f), true, false);
    adamD.step();

    generator.zeroGrad();
    Tensor outG = discriminator.forward(fake, true);
    double errG = BinaryCrossEntropy.loss(outG, 1f);
    Tensor dFake = discriminator.backward(BinaryCrossEntropy.gradient(outG, 1f), false, true);
    generator.backward(dFake, true, false);
    adamG.step();
    return new double[] {errReal + errFake, errG, mean(outReal), mean(outFake)};
  }

  private static double mean(Tensor t) {
    double s = 0;
    for (float v : t.data()) {
      s += v;
    }
    return s / t.size();
  }

  /** Generator output (eval mode: running batchnorm statistics, as the hardware will run it). */
  public Tensor sample(Tensor latent) {
    return generator.forward(latent, false);
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private Map<String, String> metadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", "pt");
    m.put("model", config.model().name());
    m.put("hardware", config.hardwareName());
    m.put("hardware_description", config.hardware().description());
    m.put("seed", Long.toString(config.seed()));
    m.put("batch", Integer.toString(config.batch()));
    m.put("epoch", Integer.toString(completedEpochs));
    if (config.realLabel() != 1.0) {
      m.put("real_label", Double.toString(config.realLabel()));
    }
    return m;
  }

  private void writeCheckpoint() {
    Map<String, String> meta = metadata();
    SafeTensors.write(config.out().resolve(GENERATOR_FILE), generator.stateDict(), meta);
    SafeTensors.write(config.out().resolve(DISCRIMINATOR_FILE), discriminator.stateDict(), meta);
    Map<String, Tensor> opt = new LinkedHashMap<>(adamG.state("generator."));
    opt.putAll(adamD.state("discriminator."));
    Map<String, String> optMeta = new LinkedHashMap<>(meta);
    optMeta.put("steps_generator", Long.toString(adamG.steps()));
    optMeta.put("steps_discriminator", Long.toString(adamD.steps()));
    SafeTensors.write(config.out().resolve(OPTIMIZER_FILE), opt, optMeta);
  }

  private void appendLog(EpochResult r) {
    Path log = config.out().resolve("train-log.csv");
    try {
      if (!Files.exists(log)) {
        Files.writeString(
            log,
            "epoch,images,loss_d,loss_g,d_real,d_fake,seconds,images_per_s\n",
            StandardCharsets.UTF_8);
      }
      Files.writeString(
          log,
          String.format(
              Locale.ROOT,
              "%d,%d,%.6f,%.6f,%.6f,%.6f,%.1f,%.1f%n",
              r.epoch(),
              r.images(),
              r.meanLossD(),
              r.meanLossG(),
              r.meanDReal(),
              r.meanDFake(),
              r.seconds(),
              r.imagesPerSecond()),
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalArgumentException(log + ": cannot write: " + e.getMessage(), e);
    }
  }
}
