package dev.spinsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process for tests. */
final class Cli {
  private Cli() {}

  /** Runs {@code args} and returns [exit code, what the command wrote to stderr]. */
  static Object[] run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Object[] {code, buf.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(err);
    }
  }

  /**
   * Runs {@code args} and returns [exit code, what it wrote to stdout, what it wrote to stderr].
   */
  static Object[] runWithStdout(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Object[] r = run(args);
      return new Object[] {r[0], buf.toString(StandardCharsets.UTF_8), r[1]};
    } finally {
      System.setOut(out);
    }
  }
}
