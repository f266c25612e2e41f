package dev.spinsim.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every sub-command shares, applied once to the whole command tree so a new command gets it
 * too: {@code --version} answers everywhere, and {@code --help} lists options in one order — the
 * options common to several commands first, in {@link #ORDER}, then the command's own in the order
 * they are declared, then {@code --help} and {@code --version}.
 */
final class CliConventions {
  /** The shared options, in the order every {@code --help} lists them. */
  static final List<String> ORDER =
      List.of(
          "--model",
          "--weights",
          "--discriminator-weights",
          "--variant",
          "--preset",
          "--set",
          "--replicate",
          "--images",
          "--seed",
          "--out",
          "--csv");

  private CliConventions() {}

  /** Applies the conventions to {@code cmd} and its sub-commands. */
  static CommandLine apply(CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    if (spec.version().length == 0) {
      spec.versionProvider(new VersionProvider());
    }
    spec.usageMessage().sortOptions(false);
    spec.usageMessage()
        .sectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            help ->
                help.optionListExcludingGroups(
                    ordered(help.commandSpec()),
                    help.createDefaultLayout(),
                    null,
                    help.parameterLabelRenderer()));
    for (CommandLine sub : cmd.getSubcommands().values()) {
      apply(sub);
    }
    return cmd;
  }

  /** The options of {@code spec} in help order. */
  static List<OptionSpec> ordered(CommandSpec spec) {
    List<OptionSpec> declared = new ArrayList<>(spec.options());
    List<OptionSpec> out = new ArrayList<>(declared);
    out.sort(Comparator.comparingInt((OptionSpec o) -> rank(o, declared)));
    return out;
  }

  private static int rank(OptionSpec o, List<OptionSpec> declared) {
    if (o.usageHelp() || o.versionHelp()) {
      return 10_000 + (o.usageHelp() ? 0 : 1);
    }
    int shared = ORDER.indexOf(o.longestName());
    for (String name : o.names()) {
      shared = shared >= 0 ? shared : ORDER.indexOf(name);
    }
    return shared >= 0 ? shared : ORDER.size() + declared.indexOf(o);
  }
}
