package dev.spinsim.cli.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.spinsim.network.run.RunMode;
import java.util.List;
import java.util.Map;

/**
 * What was run: model, preset, image count, seed and simulation mode, plus ordered details (such as
 * the weights path) and notes the user must see (such as "random weights").
 */
public record RunIdentity(
    String model,
    String preset,
    int images,
    long seed,
    RunMode mode,
    Map<String, String> details,
    List<String> notes) {

  /** Validates and copies; details keep their insertion order. */
  public RunIdentity {
    checkArgument(model != null && !model.isBlank(), "run model must not be blank");
    checkArgument(preset != null && !preset.isBlank(), "run preset must not be blank");
    checkArgument(images > 0, "run image count must be positive, got %s", images);
    checkArgument(mode != null, "run simulation mode is required");
    details = ImmutableMap.copyOf(details == null ? Map.of() : details);
    notes = ImmutableList.copyOf(notes == null ? List.of() : notes);
    for (String note : notes) {
      checkArgument(!note.isBlank(), "run notes must not be blank");
    }
  }

  /** A run identity without details or notes. */
  public static RunIdentity of(String model, String preset, int images, long seed, RunMode mode) {
    return new RunIdentity(model, preset, images, seed, mode, Map.of(), List.of());
  }
}
