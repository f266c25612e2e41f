package dev.spinsim.network.train;

/** Progress callbacks of {@link GanTrainer} (the CLI draws a progress bar from them). */
public interface TrainingListener {
  void epochStarted(int epoch, int epochs, int batches);

  void batchDone(int epoch, int batch, double lossD, double lossG, double imagesPerSecond);

  void epochDone(EpochResult result);

  /** Listener that ignores everything. */
  TrainingListener NONE =
      new TrainingListener() {
        @Override
        public void epochStarted(int epoch, int epochs, int batches) {}

        @Override
        public void batchDone(
            int epoch, int batch, double lossD, double lossG, double imagesPerSecond) {}

        @Override
        public void epochDone(EpochResult result) {}
      };
}
