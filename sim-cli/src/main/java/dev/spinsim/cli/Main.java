package dev.spinsim.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code spinsim} command: dispatches to the sub-commands. */
@Command(
    name = "spinsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cycle-accurate simulator of spintronic in-memory-computing accelerators.")
public final class Main implements Runnable {
  /**
   * The sub-commands by name (each its class's {@code @Command} name), in the order {@code --help}
   * lists them.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("help", CommandLine.HelpCommand.class);
    m.put("generate", GenerateCommand.class);
    m.put("map", MapCommand.class);
    m.put("calibrate", CalibrateCommand.class);
    m.put("devices", DevicesCommand.class);
    m.put("preset", PresetCommand.class);
    m.put("train", TrainCommand.class);
    m.put("sample", SampleCommand.class);
    m.put("classifier", ClassifierCommand.class);
    m.put("fid", FidCommand.class);
    m.put("compare", CompareCommand.class);
    m.put("sweep", SweepCommand.class);
    m.put("diff", DiffCommand.class);
    return Collections.unmodifiableMap(m);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@link System#nanoTime} when {@link #main} was entered (for {@code --verbose} phase times). */
  static long mainEnteredNanos = System.nanoTime();

  public static void main(String[] args) {
    mainEnteredNanos = System.nanoTime();
    // the inputs a generate of shipped names loads first, on the second core while picocli works
    Prefetch.start(args);
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (used by tests, no {@code System.exit}). */
  public static int execute(String... args) {
    CommandLine cmd = commandLine(args);
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setParameterExceptionHandler(Main::badArguments);
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError e) {
      // whatever ran out, the user's remedy is the same: a larger heap (the run folder is not
      // committed, earlier results are untouched)
      cmd.getErr().println(ErrorHandler.outOfMemory(Runtime.getRuntime().maxMemory()));
      if (System.getenv("SPINSIM_DEBUG") != null) {
        e.printStackTrace(cmd.getErr());
      }
      return 3;
    }
  }

  /**
   * The command tree for {@code args}: when they start with a sub-command's name, the root with
   * just that sub-command (picocli reads every option of every command it is given, which a run of
   * one command need not pay), else with all of them (help, version, an unknown name).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cmd = new CommandLine(new Main());
    Class<?> only = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
    for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
      if (only == null || e.getValue() == only) {
        cmd.addSubcommand(e.getKey(), e.getValue());
      }
    }
    return CliConventions.apply(cmd);
  }

  /**
   * A value picocli cannot convert or an option it does not know ({@code --seed abc}, {@code
   * --images 99999999999}): the one-line error the other inputs give and where the usage is, not
   * the whole usage text; exit code 2.
   */
  static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine c = e.getCommandLine();
    String message = e.getMessage() == null ? "invalid arguments" : e.getMessage().strip();
    c.getErr()
        .println(
            "spinsim: error: "
                + message.replace('\r', ' ').replace('\n', ' ')
                + " (see: spinsim "
                + (c.getParent() == null ? "" : c.getCommandName() + " ")
                + "--help)");
    return c.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
