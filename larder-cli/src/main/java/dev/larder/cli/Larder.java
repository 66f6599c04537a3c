package dev.larder.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code larder} entry point: dispatches to a subcommand. */
@Command(
    name = "larder",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Larder: a memcached-compatible cache server, client and tools for the JVM.",
    subcommands = {ServeCommand.class, BenchCommand.class, SimulateCommand.class, LocateCommand.class,
        ItemCommands.Get.class, ItemCommands.Set.class, ItemCommands.Delete.class,
        ItemCommands.Stats.class, ItemCommands.Flush.class, CommandLine.HelpCommand.class})
public final class Larder implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  static CommandLine commandLine() {
    OneLineErrors errors = new OneLineErrors();
    return new CommandLine(new Larder())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try --help)");
  }
}
