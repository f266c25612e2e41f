package dev.spinsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code spinsim generate}: simulate image generation on the chip (the main job). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate images on the simulated spintronic chip and report latency and energy.")
final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println(
        "spinsim generate: will map the fmnist DCGAN generator onto the 'paper' preset chip,"
            + " simulate 16 images cycle by cycle and write a run folder under traces/runs/."
            + " (The hardware runner is not built yet.)");
    return 0;
  }
}
