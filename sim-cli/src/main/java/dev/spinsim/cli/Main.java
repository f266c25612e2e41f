package dev.spinsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code spinsim} command: dispatches to the sub-commands. */
@Command(
    name = "spinsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cycle-accurate simulator of spintronic in-memory-computing accelerators.",
    subcommands = {
      CommandLine.HelpCommand.class,
      GenerateCommand.class,
      MapCommand.class,
      CalibrateCommand.class,
      DevicesCommand.class,
      TrainCommand.class,
      SampleCommand.class,
      ClassifierCommand.class,
      FidCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      DiffCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@link System#nanoTime} when {@link #main} was entered (for {@code --verbose} phase times). */
  static long mainEnteredNanos = System.nanoTime();

  public static void main(String[] args) {
    mainEnteredNanos = System.nanoTime();
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (used by tests, no {@code System.exit}). */
  public static int execute(String... args) {
    CommandLine cmd = CliConventions.apply(new CommandLine(new Main()));
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError e) {
      // whatever ran out, the user's remedy is the same: a larger heap (the run folder is not
      // committed, earlier results are untouched)
      cmd.getErr().println(ErrorHandler.outOfMemory(Runtime.getRuntime().maxMemory()));
      return 3;
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
