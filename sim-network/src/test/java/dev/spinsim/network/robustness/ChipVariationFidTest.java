package dev.spinsim.network.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spinsim.devices.preset.PresetDevices;
import dev.spinsim.devices.preset.Presets;
import dev.spinsim.network.chip.ChipBuilder;
import dev.spinsim.network.classifier.ClassifierWeights;
import dev.spinsim.network.generation.GenerationSetup;
import dev.spinsim.network.mapping.BiasMode;
import dev.spinsim.network.mapping.DenseMapping;
import dev.spinsim.network.mapping.PartialSums;
import dev.spinsim.network.model.ModelLoader;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.Network;
import dev.spinsim.network.quality.ChipImageSource;
import dev.spinsim.network.quality.ClassifierFeatureExtractor;
import dev.spinsim.network.quality.FidEvaluator;
import dev.spinsim.network.quality.GeneratorSource;
import dev.spinsim.network.run.RunMode;
import dev.spinsim.network.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The comparison on the real simulated chip: float weights programmed open-loop (no write-verify)
 * on the paper preset score worse (further from the float generator's own image distribution) at a
 * large device variation than at none.
 */
class ChipVariationFidTest {
  private static final ModelSpec FMNIST = ModelLoader.load("fmnist");

  /** A DCGAN-initialised fmnist generator with batchnorm statistics settled on a batch. */
  private static Network generator() {
    Network g = new Network(FMNIST.generator());
    g.initDcgan(new SplittableRandom(5));
    Tensor z = Tensor.normal(new SplittableRandom(6), 0, 1, 16, FMNIST.latent(), 1, 1);
    for (int i = 0; i < 40; i++) {
      g.forward(z, true);
    }
    return g;
  }

  @Test
  void largeDeviceVariationRaisesTheFidOfQuantisedFloatWeights() {
    Network g = generator();
    ClassifierFeatureExtractor extractor =
        new ClassifierFeatureExtractor(ClassifierWeights.load(null).classifier());
    GeneratorSource software = new GeneratorSource("float", g, FMNIST.latent());
    // The reference is the float generator's own distribution: any hardware error moves away from
    // it.
    FidEvaluator evaluator =
        new FidEvaluator(
            extractor,
            FidEvaluator.statistics(extractor, software.generate(200, 77)),
            "float-self");
    List<String> openLoop = List.of("crossbar.writeVerify=false");
    RobustnessComparison c =
        new RobustnessComparison(
            "paper",
            openLoop,
            List.of("ptq"),
            List.of(new LevelSweep(Knob.VARIATION, List.of(0.0, 0.2))));
    var reference =
        List.of(
            new RobustnessComparison.Reference("float", RobustnessComparison.SOFTWARE, software));
    List<CompareRow> rows =
        c.run(
            evaluator,
            reference,
            (weights, override) ->
                new ChipImageSource(
                    weights,
                    seed -> {
                      List<String> sets = new ArrayList<>(openLoop);
                      sets.add(override);
                      PresetDevices d = PresetDevices.of(Presets.load("paper", sets));
                      return new GenerationSetup(
                          FMNIST,
                          g,
                          null,
                          d,
                          new DenseMapping(),
                          ChipBuilder.optionsFor(
                              d.preset(), BiasMode.DIGITAL, PartialSums.DIGITAL, Map.of()),
                          seed);
                    },
                    RunMode.FUNCTIONAL,
                    i -> {}),
            16,
            1,
            (row, reused) -> {});
    assertEquals(3, rows.size());
    double none = rows.get(1).fid(), large = rows.get(2).fid();
    assertTrue(large > 3 * none, "FID at variation 0.2 = " + large + ", at 0 = " + none);
  }
}
