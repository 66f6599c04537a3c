package dev.larder.cli;

import dev.larder.client.routing.Distribution;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.Nodes;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --servers} and {@code --distribution}, shared by every subcommand that talks to a cluster. */
final class ServerListOptions {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  @Option(names = {"-s", "--servers"}, paramLabel = "HOST:PORT[:WEIGHT],...", required = true,
      description = "The servers, comma-separated; the port defaults to 11211.")
  String servers;

  @Option(names = {"-d", "--distribution"}, paramLabel = "ketama|rendezvous|modula",
      defaultValue = "ketama",
      description = "How keys are spread: ketama (libmemcached), rendezvous (pymemcache), modula. "
          + "Default: ${DEFAULT-VALUE}.")
  String distribution;

  List<Node> nodes() {
    try {
      return Nodes.parse(servers);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(mixee.commandLine(), "--servers: " + e.getMessage());
    }
  }

  Distribution distribution() {
    try {
      return Distribution.parse(distribution);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(mixee.commandLine(), "--" + e.getMessage());
    }
  }
}
