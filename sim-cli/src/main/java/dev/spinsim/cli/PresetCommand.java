package dev.spinsim.cli;

import dev.spinsim.devices.preset.Preset;
import dev.spinsim.devices.preset.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spinsim preset list|show}: the shipped presets, and any preset fully resolved. */
@Command(
    name = "preset",
    mixinStandardHelpOptions = true,
    description = {
      "The technology presets: list the shipped ones, or show one fully resolved (inheritance from"
          + " 'base:' and --set applied) as YAML that --preset FILE accepts back.",
      "A preset file may start with 'base: paper' (a shipped name or a file) and give only what"
          + " changes; a preset without a base must give every key."
    },
    subcommands = {PresetCommand.ListPresets.class, PresetCommand.Show.class})
final class PresetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code spinsim preset list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The shipped presets.")
  static final class ListPresets implements Callable<Integer> {
    @Override
    public Integer call() {
      List<String[]> rows = new ArrayList<>();
      for (String name : Presets.NAMES) {
        Preset p = Presets.load(name);
        rows.add(new String[] {name, p.description()});
      }
      int width = 0;
      for (String[] r : rows) {
        width = Math.max(width, r[0].length());
      }
      for (String[] r : rows) {
        System.out.println(r[0] + " ".repeat(width - r[0].length() + 2) + r[1]);
      }
      return 0;
    }
  }

  /** {@code spinsim preset show NAME|FILE}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a preset fully resolved, as YAML with the sources' comments kept.")
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|FILE", description = "a shipped preset or a preset YAML file")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key; repeatable")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
      System.out.print(Presets.show(preset, sets));
      return 0;
    }
  }
}
