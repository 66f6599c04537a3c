package dev.larder.cli;

import dev.larder.client.routing.NodeLocator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code larder locate}: where the client library would send each key; touches no server. */
@Command(
    name = "locate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prints 'KEY HOST:PORT' for each key: the server the client would send it to.")
final class LocateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServerListOptions cluster;

  @Parameters(paramLabel = "KEY", arity = "1..*", description = "The keys to place.")
  List<String> keys;

  @Override
  public Integer call() {
    NodeLocator locator = cluster.distribution().locator(cluster.nodes());
    PrintWriter out = spec.commandLine().getOut();
    for (String key : keys) {
      out.println(key + " " + locator.locate(key.getBytes(StandardCharsets.UTF_8)));
    }
    out.flush();
    return 0;
  }
}
