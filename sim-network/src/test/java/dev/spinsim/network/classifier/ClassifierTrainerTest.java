package dev.spinsim.network.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTrainerTest {
  private static final LabelledImages DATA = Fixture.test300();

  @Test
  void sameSeedGivesIdenticalWeights() {
    ClassifierTrainConfig config =
        new ClassifierTrainConfig(ClassifierArchitecture.FMNIST, 1, 32, 1e-3, 7);
    Map<String, dev.spinsim.network.tensor.Tensor> a =
        new ClassifierTrainer(config)
            .train(DATA, null, new ClassifierTrainer.Listener() {})
            .stateDict();
    Map<String, dev.spinsim.network.tensor.Tensor> b =
        new ClassifierTrainer(config)
            .train(DATA, null, new ClassifierTrainer.Listener() {})
            .stateDict();
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), name);
    }
  }

  @Test
  void trainingLowersTheLossAndFitsTheTrainingImages() {
    List<ClassifierTrainer.EpochSummary> epochs = new ArrayList<>();
    CnnClassifier net =
        new ClassifierTrainer(
                new ClassifierTrainConfig(ClassifierArchitecture.FMNIST, 4, 32, 1e-3, 1))
            .train(
                DATA,
                null,
                new ClassifierTrainer.Listener() {
                  @Override
                  public void epochDone(ClassifierTrainer.EpochSummary s) {
                    epochs.add(s);
                  }
                });
    assertTrue(epochs.get(3).meanLoss() < 0.6 * epochs.get(0).meanLoss(), epochs.toString());
    double acc = ClassifierTrainer.accuracy(net, DATA, 100);
    assertTrue(acc > 0.8, "training accuracy " + acc);
  }
}
