package dev.spinsim.network.weights;

import dev.spinsim.network.model.LayerSpec;
import dev.spinsim.network.model.ModelSpec;
import dev.spinsim.network.model.NetworkSpec;
import dev.spinsim.network.model.Shape;
import dev.spinsim.network.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DCGAN generator's layers from the tensor names and shapes of its PyTorch state_dict, for
 * weights files that fit none of the shipped models as they are (other channel widths, BatchNorm
 * left out, biases kept or dropped). The conventions are those of Radford et al. (arXiv 1511.06434)
 * as the PyTorch DCGAN tutorial writes them, and the ones {@code tools/pt2spinsim.py} applies to a
 * bare state_dict: one {@code nn.Sequential} named {@code main}; index i with a 4-D {@code weight
 * [in, out, k, k]} is a ConvTranspose2d — the first with stride 1 and padding 0, the others with
 * stride 2 and padding ⌊(k−1)/2⌋ (k = 4 doubles the size, k = 3 turns 4 into 7), with a bias when
 * the file has {@code main.i.bias}; index i with {@code running_mean} is a BatchNorm2d (PyTorch's
 * eps 1e-5, momentum 0.1); an index without tensors is a ReLU; the network ends in Tanh. The layers
 * are chained from the latent (the first weight's in-channels); the result is used only when it
 * produces the image of a shipped model, whose discriminator it keeps.
 */
public final class DcganLayout {
  /**
   * Ends the {@link ModelSpec#source} of a model whose generator was read from its weights file.
   */
  public static final String SOURCE_SUFFIX = " (generator layout read from the weights file)";

  private static final Pattern NAME = Pattern.compile("main\\.(\\d+)\\.([a-z_]+)");

  private DcganLayout() {}

  /**
   * The generator layers the tensors of a state_dict describe (DataParallel's {@code module.}
   * prefix dropped), or empty when a tensor does not follow the conventions above.
   */
  public static Optional<List<LayerSpec>> generatorLayers(Map<String, Tensor> stateDict) {
    TreeMap<Integer, Map<String, int[]>> byIndex = new TreeMap<>();
    for (Map.Entry<String, Tensor> e : ShippedWeights.stripDataParallel(stateDict).entrySet()) {
      Matcher m = NAME.matcher(e.getKey());
      if (!m.matches()) {
        return Optional.empty();
      }
      if (!m.group(2).equals("num_batches_tracked")) {
        byIndex
            .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>())
            .put(m.group(2), e.getValue().shape());
      }
    }
    if (byIndex.isEmpty() || !byIndex.containsKey(0)) {
      return Optional.empty();
    }
    int last = byIndex.lastKey();
    List<LayerSpec> layers = new ArrayList<>();
    boolean first = true;
    for (int i = 0; i <= last; i++) {
      Map<String, int[]> t = byIndex.get(i);
      if (t == null) {
        layers.add(new LayerSpec.ReLU());
      } else if (t.containsKey("running_mean")) {
        int[] w = t.get("weight");
        if (w == null || w.length != 1) {
          return Optional.empty();
        }
        layers.add(new LayerSpec.BatchNorm2d(w[0], null, null));
      } else {
        int[] w = t.get("weight");
        if (w == null
            || w.length != 4
            || w[2] != w[3]
            || !t.keySet().stream().allMatch(k -> k.equals("weight") || k.equals("bias"))) {
          return Optional.empty();
        }
        int k = w[2];
        layers.add(
            new LayerSpec.ConvTranspose2d(
                w[0], w[1], k, first ? 1 : 2, first ? 0 : (k - 1) / 2, 0, t.containsKey("bias")));
        first = false;
      }
    }
    if (first) {
      return Optional.empty();
    }
    layers.add(new LayerSpec.Tanh());
    return Optional.of(layers);
  }

  /**
   * The first of {@code templates} whose image the generator of {@code file} produces when read by
   * the conventions above, with that generator and the template's discriminator; empty when the
   * file does not follow them or produces none of the images.
   */
  public static Optional<ModelSpec> infer(Path file, List<ModelSpec> templates) {
    Optional<List<LayerSpec>> layers = generatorLayers(SafeTensors.read(file).tensors());
    if (layers.isEmpty()) {
      return Optional.empty();
    }
    LayerSpec.ConvTranspose2d head = (LayerSpec.ConvTranspose2d) layers.get().get(0);
    NetworkSpec g;
    try {
      g = NetworkSpec.of("generator", new Shape(head.in(), 1, 1), layers.get());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the chain does not fit: not a DCGAN by these conventions
    }
    for (ModelSpec t : templates) {
      if (g.output().equals(t.image())) {
        return Optional.of(
            new ModelSpec(
                t.name(), t.source() + SOURCE_SUFFIX, head.in(), t.image(), g, t.discriminator()));
      }
    }
    return Optional.empty();
  }

  /**
   * One line per generator layer, e.g. {@code ConvTranspose2d 100->256 k7 s1 p0}, for the terminal.
   */
  public static String describe(NetworkSpec g) {
    List<String> parts = new ArrayList<>();
    for (LayerSpec l : g.layers()) {
      if (l instanceof LayerSpec.ConvTranspose2d c) {
        parts.add(
            "ConvTranspose2d "
                + c.in()
                + "->"
                + c.out()
                + " k"
                + c.kernel()
                + " s"
                + c.stride()
                + " p"
                + c.padding()
                + (Boolean.TRUE.equals(c.bias()) ? "" : " no bias"));
      } else if (l instanceof LayerSpec.BatchNorm2d b) {
        parts.add("BatchNorm2d " + b.features());
      } else {
        parts.add(l.type());
      }
    }
    return String.join(", ", parts);
  }
}
