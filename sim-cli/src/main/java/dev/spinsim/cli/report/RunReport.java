package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.spinsim.cli.output.NpyArray;
import dev.spinsim.network.run.ImageQuality;
import dev.spinsim.network.run.RunMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a finished {@code spinsim generate} run reports, as plain data: the run folder, the
 * HTML report and the terminal summary are all made from this. Energies are run totals in pJ;
 * per-image values are derived. The energy rows must sum to the summary's total energy (checked,
 * with a relative tolerance of 1e-6).
 */
public record RunReport(
    RunIdentity identity,
    RunMetrics metrics,
    List<LayerRow> layers,
    List<EnergyRow> energy,
    List<MappingRow> mapping,
    List<ResourceRow> resources,
    ImageBatch images,
    NpyArray latents,
    String runYaml,
    List<Double> discriminatorScores,
    List<String> warnings,
    ImageBatch floatImages,
    ImageQuality quality,
    List<AreaRow> area) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Validates the parts against each other and copies the lists. */
  public RunReport {
    checkArgument(identity != null, "run identity is required");
    checkArgument(metrics != null, "run metrics are required");
    checkArgument(
        metrics.images() == identity.images()
            && metrics.model().equals(identity.model())
            && metrics.preset().equals(identity.preset()),
        "run metrics (%s on %s, %s images) do not describe this run (%s on %s, %s images)",
        metrics.model(),
        metrics.preset(),
        metrics.images(),
        identity.model(),
        identity.preset(),
        identity.images());
    checkArgument(images != null, "generated images are required");
    checkArgument(latents != null, "latents are required");
    checkArgument(runYaml != null && !runYaml.isBlank(), "the resolved run.yaml text is required");
    layers = ImmutableList.copyOf(layers == null ? List.of() : layers);
    energy = ImmutableList.copyOf(energy == null ? List.of() : energy);
    mapping = ImmutableList.copyOf(mapping == null ? List.of() : mapping);
    resources = ImmutableList.copyOf(resources == null ? List.of() : resources);
    discriminatorScores =
        ImmutableList.copyOf(discriminatorScores == null ? List.of() : discriminatorScores);
    warnings = ImmutableList.copyOf(warnings == null ? List.of() : warnings);
    area = ImmutableList.copyOf(area == null ? List.of() : area);
    if (!area.isEmpty()) {
      double areaSum = 0;
      for (AreaRow row : area) {
        areaSum += row.areaMm2();
      }
      checkArgument(
          Math.abs(areaSum - metrics.areaMm2()) <= 1e-6 * metrics.areaMm2() + 1e-12,
          "area rows sum to %s mm2 but the chip's area is %s mm2; the breakdown must add up",
          areaSum,
          metrics.areaMm2());
    }
    checkArgument(
        floatImages == null || java.util.Arrays.equals(floatImages.shape(), images.shape()),
        "the float reference images must have the chip images' shape %s",
        java.util.Arrays.toString(images.shape()));
    checkArgument(
        quality == null || quality.images() == identity.images(),
        "there must be one quality figure per image (%s), got %s",
        identity.images(),
        quality == null ? 0 : quality.images());

    // a long run streams its images to disk and reports only the first ones
    checkArgument(
        images.count() <= identity.images(),
        "the run asked for %s images but %s were generated",
        identity.images(),
        images.count());
    int[] latentShape = latents.shape();
    checkArgument(
        latentShape.length >= 2 && latentShape[0] == images.count(),
        "latents must have shape N x nz with N = %s, got %s",
        images.count(),
        java.util.Arrays.toString(latentShape));
    checkArgument(
        discriminatorScores.isEmpty() || discriminatorScores.size() == identity.images(),
        "there must be one discriminator score per image (%s), got %s",
        identity.images(),
        discriminatorScores.size());
    for (Double score : discriminatorScores) {
      checkArgument(
          score != null && Double.isFinite(score), "discriminator scores must be finite numbers");
    }
    checkArgument(!energy.isEmpty(), "the energy breakdown must have at least one row");
    Set<String> pairs = new HashSet<>();
    double sum = 0;
    for (EnergyRow row : energy) {
      checkArgument(
          pairs.add(row.componentClass() + "\u0000" + row.action()),
          "energy row %s/%s appears twice",
          row.componentClass(),
          row.action());
      sum += row.energyPj();
    }
    checkArgument(
        Checks.agree(sum, metrics.energyPj()),
        "energy rows sum to %s pJ but the run's total energy is %s pJ; the breakdown must add up",
        sum,
        metrics.energyPj());
    double layerSum = 0;
    Set<String> layerNames = new HashSet<>();
    for (LayerRow row : layers) {
      checkArgument(
          layerNames.add(row.network() + "/" + row.layer()),
          "layer %s/%s appears twice",
          row.network(),
          row.layer());
      layerSum += row.energyPj();
    }
    checkArgument(
        layerSum
            <= metrics.energyPj() * (1 + Checks.RELATIVE_TOLERANCE) + Checks.ABSOLUTE_TOLERANCE_PJ,
        "layer energies sum to %s pJ, more than the run's total energy %s pJ",
        layerSum,
        metrics.energyPj());
    checkRunYaml(runYaml);
  }

  /**
   * Checks that {@code runYaml} parses as YAML, as a report's is checked.
   *
   * @throws IllegalArgumentException when it does not, naming the parser's complaint
   */
  public static void checkRunYaml(String runYaml) {
    try {
      YAML.readTree(runYaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the resolved run.yaml is not valid YAML: " + e.getOriginalMessage().replace('\n', ' '),
          e);
    }
  }

  /** Total energy per image in pJ (run total / images). */
  public double energyPjPerImage() {
    return metrics.energyPjPerImage();
  }

  /** The columns of {@code summary.csv}: {@link RunMetrics#COLUMNS}, name → cell. */
  public ImmutableMap<String, String> summaryColumns() {
    return ImmutableMap.copyOf(metrics.cellsByName());
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a report; {@link #build()} validates them together. */
  public static final class Builder {
    private RunIdentity identity;
    private RunMetrics metrics;
    private final List<LayerRow> layers = new ArrayList<>();
    private final List<EnergyRow> energy = new ArrayList<>();
    private final List<MappingRow> mapping = new ArrayList<>();
    private final List<ResourceRow> resources = new ArrayList<>();
    private ImageBatch images;
    private NpyArray latents;
    private String runYaml;
    private final List<Double> discriminatorScores = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ImageBatch floatImages;
    private ImageQuality quality;
    private final List<AreaRow> area = new ArrayList<>();

    private Builder() {}

    /** Appends an area row (layer, component class). */
    public Builder addArea(AreaRow row) {
      area.add(row);
      return this;
    }

    /** Sets the float network's images of the same latents and the chip's quality against them. */
    public Builder floatReference(ImageBatch floatImages, ImageQuality quality) {
      this.floatImages = floatImages;
      this.quality = quality;
      return this;
    }

    /** Adds a warning the terminal prints and the report shows as a banner (one line each). */
    public Builder warning(String warning) {
      checkArgument(
          warning != null && !warning.isBlank() && !warning.contains("\n"),
          "a warning must be one non-blank line");
      warnings.add(warning);
      return this;
    }

    /** Sets what was run. */
    public Builder identity(RunIdentity identity) {
      this.identity = identity;
      return this;
    }

    /** Sets the headline figures. */
    public Builder metrics(RunMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    /** Appends a layer row. */
    public Builder addLayer(LayerRow row) {
      layers.add(row);
      return this;
    }

    /** Appends an energy row (component class, action, run-total pJ). */
    public Builder addEnergy(EnergyRow row) {
      energy.add(row);
      return this;
    }

    /** Appends an energy row. */
    public Builder addEnergy(String componentClass, String action, double energyPj) {
      return addEnergy(new EnergyRow(componentClass, action, energyPj));
    }

    /** Appends a mapping row. */
    public Builder addMapping(MappingRow row) {
      mapping.add(row);
      return this;
    }

    /** Appends a resource row. */
    public Builder addResource(ResourceRow row) {
      resources.add(row);
      return this;
    }

    /** Sets the generated images. */
    public Builder images(ImageBatch images) {
      this.images = images;
      return this;
    }

    /** Sets the latents, shape N × nz (further dimensions such as nz × 1 × 1 allowed). */
    public Builder latents(NpyArray latents) {
      this.latents = latents;
      return this;
    }

    /** Sets the latents as an N × nz matrix. */
    public Builder latents(int count, int nz, float[] values) {
      return latents(new NpyArray(new int[] {count, nz}, values));
    }

    /** Sets the fully resolved configuration, written verbatim as {@code run.yaml}. */
    public Builder runYaml(String runYaml) {
      this.runYaml = runYaml;
      return this;
    }

    /** Sets D's score for each generated image, in image order. */
    public Builder discriminatorScores(double[] scores) {
      discriminatorScores.clear();
      for (double s : scores) {
        discriminatorScores.add(s);
      }
      return this;
    }

    /** Validates and builds. */
    public RunReport build() {
      return new RunReport(
          identity,
          metrics,
          layers,
          energy,
          mapping,
          resources,
          images,
          latents,
          runYaml,
          discriminatorScores,
          warnings,
          floatImages,
          quality,
          area);
    }
  }
}
