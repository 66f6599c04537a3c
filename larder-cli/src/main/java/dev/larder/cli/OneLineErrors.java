package dev.larder.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports failures as one line on stderr, as memcached does: a bad command line with picocli's usage
 * exit code (2), and a failure while running (a server that does not answer, say) with exit code 1.
 */
final class OneLineErrors
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    report(cmd, e.getMessage() + " (see --help)");
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    report(cmd, e.getMessage() != null ? e.getMessage() : e.toString());
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  private static void report(CommandLine cmd, String message) {
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
    err.flush();
  }
}
