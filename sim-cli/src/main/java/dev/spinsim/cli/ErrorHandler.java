package dev.spinsim.cli;

import picocli.CommandLine;

/**
 * Turns any exception escaping a sub-command into one line on stderr and a non-zero exit code. Set
 * {@code SPINSIM_DEBUG=1} to see the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  /** The one line an {@link OutOfMemoryError} becomes, for a heap of {@code maxHeapBytes}. */
  static String outOfMemory(long maxHeapBytes) {
    long mib = maxHeapBytes >> 20;
    long suggest = Math.max(1024, Long.highestOneBit(Math.max(1, mib)) * 4);
    return "spinsim: error: out of memory (the Java heap of "
        + mib
        + " MiB is full); give the JVM"
        + " more, e.g. SPINSIM_JAVA_OPTS=-Xmx"
        + suggest
        + "m ./spinsim … (or java -Xmx"
        + suggest
        + "m -jar spinsim.jar …)";
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    commandLine.getErr().println("spinsim: error: " + message.replace('\n', ' '));
    if (System.getenv("SPINSIM_DEBUG") != null) {
      ex.printStackTrace(commandLine.getErr());
    }
    return 2;
  }
}
