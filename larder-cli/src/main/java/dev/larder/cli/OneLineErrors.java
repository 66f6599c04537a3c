package dev.larder.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Reports a bad command line as one line on stderr, as memcached does, with exit code 64 (usage). */
final class OneLineErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see --help)");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }
}
