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
    long suggest = suggestedHeapMib(maxHeapBytes);
    return "spinsim: error: out of memory (the Java heap of "
        + mib
        + " MiB is full); give the JVM"
        + " more, e.g. SPINSIM_JAVA_OPTS=-Xmx"
        + suggest
        + "m ./spinsim … (or java -Xmx"
        + suggest
        + "m -jar spinsim.jar …)";
  }

  /** The environment setting to run again with a larger heap than {@code maxHeapBytes}. */
  static String heapAdvice(long maxHeapBytes) {
    return "SPINSIM_JAVA_OPTS=-Xmx" + suggestedHeapMib(maxHeapBytes) + "m";
  }

  /** Four times the heap, rounded down to a power of two, at least 1 GiB. */
  private static long suggestedHeapMib(long maxHeapBytes) {
    long mib = maxHeapBytes >> 20;
    return Math.max(1024, Long.highestOneBit(Math.max(1, mib)) * 4);
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        // out of memory on a worker thread arrives wrapped: the same one line as on the main one
        commandLine.getErr().println(outOfMemory(Runtime.getRuntime().maxMemory()));
        if (System.getenv("SPINSIM_DEBUG") != null) {
          ex.printStackTrace(commandLine.getErr());
        }
        return 3;
      }
    }
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    commandLine.getErr().println("spinsim: error: " + message.replace('\n', ' '));
    if (System.getenv("SPINSIM_DEBUG") != null) {
      ex.printStackTrace(commandLine.getErr());
    }
    return 2;
  }
}
