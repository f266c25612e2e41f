package dev.spinsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One CLI: the same option means the same thing in every command, and every command answers the
 * same way.
 */
class CliConventionsTest {
  /** Every command of the tree by its full name ("classifier train"). */
  private static Map<String, CommandLine> commands() {
    Map<String, CommandLine> out = new LinkedHashMap<>();
    collect("", Main.commandLine(), out);
    out.remove("help");
    return out;
  }

  private static void collect(String prefix, CommandLine c, Map<String, CommandLine> out) {
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      String name = (prefix + " " + e.getKey()).strip();
      out.put(name, e.getValue());
      collect(name, e.getValue(), out);
    }
  }

  private static String stdout(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute(args), String.join(" ", args));
    } finally {
      System.setOut(out);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandAnswersVersion() {
    for (String name : commands().keySet()) {
      List<String> args = new ArrayList<>(List.of(name.split(" ")));
      args.add("--version");
      String v = stdout(args.toArray(String[]::new));
      assertTrue(v.startsWith("spinsim "), name + " --version printed '" + v + "'");
    }
  }

  @Test
  void everyHelpListsTheSharedOptionsInOneOrderThenHelpAndVersion() {
    Pattern option = Pattern.compile("(?m)^\\s+(?:-\\w, )?(--[a-z-]+)");
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      String help = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
      List<String> listed = new ArrayList<>();
      Matcher m = option.matcher(help.substring(help.indexOf("\n  ")));
      while (m.find()) {
        listed.add(m.group(1));
      }
      List<String> shared = listed.stream().filter(CliConventions.ORDER::contains).toList();
      List<String> expected = CliConventions.ORDER.stream().filter(shared::contains).toList();
      assertEquals(expected, shared, e.getKey() + " --help order: " + listed);
      assertEquals(
          List.of("--help", "--version"),
          listed.subList(listed.size() - 2, listed.size()),
          e.getKey());
    }
  }

  @Test
  void helpDescriptionsAreWholeParagraphs() {
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      String[] paragraphs = e.getValue().getCommandSpec().usageMessage().description();
      for (int i = 0; i < paragraphs.length; i++) {
        String p = paragraphs[i].strip();
        // a sentence cut across two paragraphs: one ends on a joining word, the next goes on in
        // lower case
        assertTrue(
            !p.matches("(?s).*(,| of| the| and| a| in| for| to)$"),
            e.getKey() + ": cut after '" + p + "'");
        assertTrue(
            i == 0 || !Character.isLowerCase(p.charAt(0)) || p.startsWith("spinsim "),
            e.getKey() + ": paragraph goes on from the one before: '" + p + "'");
      }
    }
  }

  @Test
  void theImageCountIsImagesEverywhereOldNamesStillAccepted() {
    Map<String, CommandLine> all = commands();
    for (String name : List.of("generate", "sample", "fid", "compare")) {
      OptionSpec images = all.get(name).getCommandSpec().findOption("--images");
      assertTrue(images != null, name + " has --images");
    }
    assertEquals(
        all.get("sample").getCommandSpec().findOption("--images"),
        all.get("sample").getCommandSpec().findOption("--n"));
    assertEquals(
        all.get("fid").getCommandSpec().findOption("--images"),
        all.get("fid").getCommandSpec().findOption("--samples"));
  }

  @Test
  void outIsAlwaysAFolderAndCsvAlwaysATable() {
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      OptionSpec out = e.getValue().getCommandSpec().findOption("--out");
      if (out != null) {
        assertTrue(
            String.join(" ", out.description()).contains("folder"),
            e.getKey() + " --out: " + String.join(" ", out.description()));
      }
      OptionSpec csv = e.getValue().getCommandSpec().findOption("--csv");
      if (csv != null) {
        String d = String.join(" ", csv.description());
        assertTrue(d.contains("table") || d.contains("CSV"), e.getKey() + " --csv: " + d);
      }
    }
  }
}
