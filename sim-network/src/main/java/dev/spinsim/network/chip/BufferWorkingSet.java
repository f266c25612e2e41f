package dev.spinsim.network.chip;

import dev.spinsim.devices.preset.BufferSpec;
import dev.spinsim.devices.preset.Preset;
import dev.spinsim.network.mapping.ConvGeometry;
import dev.spinsim.network.mapping.LayerMapping;
import dev.spinsim.network.mapping.MappingOptions;
import dev.spinsim.network.mapping.MappingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The least a crossbar stage's input and output buffers must hold for the pipeline to make
 * progress, in bits, and the check that refuses a preset whose tile buffers are smaller: the one
 * validation {@code map} and {@code generate} share.
 *
 * <p>The model the event-driven run follows (see {@code PipelineSimulation}): a stage's input rows
 * (its input feature map's rows of {@code inWidth · inChannels} values, original pixels only — the
 * inserted zeros and padding are generated, never stored) stay in its input buffer until no output
 * row still to be fetched needs them; an output row can only be issued when all the input rows its
 * kernel window reaches ({@link ConvGeometry#inputRowsNeeded}) are held at once, so the input
 * buffer must hold the widest window. The first stage of a run receives its whole input (the
 * latent) at once. Every vector reserves room for its outputs in the output buffer before it starts
 * and frees it when they have been sent on (output rows are assembled in the next stage's input
 * buffer, as ISAAC's tiles write into the eDRAM of the tile that reads them), so the output buffer
 * must hold one vector's outputs ({@code outChannels} values, the whole map when a single vector
 * writes it). A stage spread over several tiles pools their buffers (its inputs are split over the
 * tiles by row block, its outputs by column), so its capacity is {@code tiles × sizeBytes}.
 *
 * @param inputBits the input window the stage needs held at once, bits
 * @param outputBits the outputs one vector needs room for, bits
 */
public record BufferWorkingSet(long inputBits, long outputBits) {

  /**
   * The working set of a stage mapped as {@code m}, its values {@code valueBits} wide on the
   * buffers; {@code injected} when it receives its whole input at once (a run's first stage).
   */
  public static BufferWorkingSet of(LayerMapping m, int valueBits, boolean injected) {
    ConvGeometry g = m.geometry();
    long inRowBits = (long) g.inWidth() * g.inChannels() * valueBits;
    int windowRows = 0;
    for (int r = 0; r < g.outHeight(); r++) {
      int[] need = g.inputRowsNeeded(r);
      windowRows = Math.max(windowRows, need[1] - need[0] + 1);
    }
    long input = (injected ? g.inHeight() : Math.max(windowRows, 1)) * inRowBits;
    return new BufferWorkingSet(input, (long) m.matrixCols() * valueBits);
  }

  /**
   * Refuses a preset whose tile buffers are too small for any of {@code layers} (in run order, the
   * first taking its whole input at once) mapped by {@code strategy} with {@code options}: the
   * check the chip builder makes per stage, made before any weight is loaded.
   *
   * <p>The size named is the least that every layer accepts: the line names the layer needing the
   * most per tile (not the first too small), so the size it gives is not refused by a later layer.
   *
   * @throws IllegalArgumentException naming the key, the layer and the minimum size per tile
   */
  public static void check(
      Preset p,
      MappingStrategy strategy,
      MappingOptions options,
      List<NetworkPlanner.MatrixLayer> layers) {
    List<String> names = new ArrayList<>();
    List<ConvGeometry> geometries = new ArrayList<>();
    for (NetworkPlanner.MatrixLayer l : layers) {
      names.add(l.network() + "." + l.layer());
      geometries.add(l.geometry());
    }
    check(p, strategy, options, names, geometries);
  }

  /**
   * As above for the stages named {@code names} ({@code G.main.3}) of {@code geometries}, in run
   * order: what the chip builder checks before building any stage.
   */
  public static void check(
      Preset p,
      MappingStrategy strategy,
      MappingOptions options,
      List<String> names,
      List<ConvGeometry> geometries) {
    String[] worstName = new String[2];
    int[] worstTiles = new int[2];
    BufferWorkingSet[] worst = new BufferWorkingSet[2];
    long[] mostBytes = {-1, -1};
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      LayerMapping m = strategy.map(name, geometries.get(i), options);
      int tiles = ChipBuilder.tiles(p, m);
      BufferWorkingSet ws = of(m, ChipBuilder.valueBits(p), i == 0);
      long[] bytes = {bytesPerTile(ws.inputBits, tiles), bytesPerTile(ws.outputBits, tiles)};
      for (int k = 0; k < 2; k++) {
        if (bytes[k] > mostBytes[k]) {
          mostBytes[k] = bytes[k];
          worstName[k] = name;
          worstTiles[k] = tiles;
          worst[k] = ws;
        }
      }
    }
    if (worst[0] == null) {
      return;
    }
    worst[0].checkInput(worstName[0], worstTiles[0], p.tile().inputBuffer());
    worst[1].checkOutput(worstName[1], worstTiles[1], p.tile().outputBuffer());
  }

  /** Capacity of {@code tiles} tiles' buffers of one kind, bits. */
  public static long capacityBits(BufferSpec b, int tiles) {
    return (long) b.sizeBytes() * 8 * tiles;
  }

  /** The size per tile, bytes, that {@code bits} spread over {@code tiles} tiles needs. */
  static long bytesPerTile(long bits, int tiles) {
    return (bits + 8L * tiles - 1) / (8L * tiles);
  }

  /**
   * Refuses buffers too small for stage {@code stage} on {@code tiles} tiles, in one line naming
   * the preset key, the stage and the minimum size per tile.
   *
   * @throws IllegalArgumentException when either buffer is below the working set
   */
  public void check(String stage, int tiles, BufferSpec in, BufferSpec out) {
    checkInput(stage, tiles, in);
    checkOutput(stage, tiles, out);
  }

  private void checkInput(String stage, int tiles, BufferSpec in) {
    if (capacityBits(in, tiles) < inputBits) {
      throw new IllegalArgumentException(
          message(
              "tile.inputBuffer.sizeBytes",
              in.sizeBytes(),
              stage,
              tiles,
              "its input window",
              inputBits));
    }
  }

  private void checkOutput(String stage, int tiles, BufferSpec out) {
    if (capacityBits(out, tiles) < outputBits) {
      throw new IllegalArgumentException(
          message(
              "tile.outputBuffer.sizeBytes",
              out.sizeBytes(),
              stage,
              tiles,
              "one vector's outputs",
              outputBits));
    }
  }

  private static String message(
      String key, int size, String stage, int tiles, String what, long bits) {
    return String.format(
        Locale.ROOT,
        "%s: %d bytes is too small for %s (%d tile%s): %s of %d bits needs at least %d bytes per tile",
        key,
        size,
        stage,
        tiles,
        tiles == 1 ? "" : "s",
        what,
        bits,
        bytesPerTile(bits, tiles));
  }
}
