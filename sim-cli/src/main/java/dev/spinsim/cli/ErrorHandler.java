package dev.spinsim.cli;

import picocli.CommandLine;

/**
 * Turns any exception escaping a sub-command into one line on stderr and a non-zero exit code.
 * Set {@code SPINSIM_DEBUG=1} to see the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
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
