package dev.larder.cli;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larder serve}: runs the cache server in the foreground with memcached's flags. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Runs the cache server in the foreground. Flags and defaults follow memcached's.")
final class ServeCommand implements Callable<Integer> {
  private static final ServerConfig DEFAULTS = ServerConfig.defaults();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT",
      description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = {"-l", "--listen"}, paramLabel = "ADDR",
      description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
  String listen = DEFAULTS.listen();

  @Option(names = {"-m", "--memory-limit"}, paramLabel = "MB",
      description = "Memory for items in megabytes (default: ${DEFAULT-VALUE}).")
  long memoryLimitMb = DEFAULTS.memoryLimitBytes() / ServerConfig.MEGABYTE;

  @Option(names = {"-c", "--conn-limit"}, paramLabel = "N",
      description = "Maximum simultaneous connections (default: ${DEFAULT-VALUE}).")
  int connectionLimit = DEFAULTS.connectionLimit();

  @Option(names = {"-t", "--threads"}, paramLabel = "N",
      description = "Event-loop threads (default: the number of processors, ${DEFAULT-VALUE}).")
  int threads = DEFAULTS.threads();

  @Option(names = {"-I", "--max-item-size"}, paramLabel = "SIZE", converter = ByteSize.class,
      description = "Largest item, with k/m suffixes (default: 1m; from 1k to 1g).")
  int maxItemSize = DEFAULTS.maxItemSize();

  @Option(names = {"-U", "--udp-port"}, paramLabel = "PORT",
      description = "UDP port; 0, the default, is off and the only value supported.")
  int udpPort = 0;

  @Option(names = {"-v", "--verbose"},
      description = "Log connections and errors; -vv also logs the kind of every request.")
  boolean[] verbose = new boolean[0];

  @Option(names = {"-A", "--enable-shutdown"},
      description = "Allow the shutdown command.")
  boolean enableShutdown;

  @Option(names = {"-M", "--disable-evictions"},
      description = "Refuse stores with an error when memory is full instead of evicting.")
  boolean disableEvictions;

  @Option(names = {"-o", "--extended"}, paramLabel = "KEY=VALUE[,..]",
      description = "Extended options: idle_timeout=SECONDS closes idle connections (0: never).")
  List<String> extended = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config = toConfig();
    LarderServer server = LarderServer.start(config);
    // memcached exits 0 on SIGTERM/SIGINT; the JVM would report 143, so the hook ends the process
    // itself once the server has stopped cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(0);
    }, "larder-signal"));
    server.awaitTermination();
    return 0;
  }

  ServerConfig toConfig() {
    CommandLine cmd = spec.commandLine();
    if (udpPort != 0) {
      throw new CommandLine.ParameterException(cmd, "-U/--udp-port: " + udpPort
          + " (expected: 0; UDP is not supported, use TCP)");
    }
    if (memoryLimitMb <= 0 || memoryLimitMb > Long.MAX_VALUE / ServerConfig.MEGABYTE) {
      throw new CommandLine.ParameterException(cmd, "-m/--memory-limit: " + memoryLimitMb
          + " (expected: a positive number of megabytes)");
    }
    ExtendedOptions options = ExtendedOptions.parse(cmd, extended);
    try {
      return new ServerConfig(port, listen, memoryLimitMb * ServerConfig.MEGABYTE, connectionLimit,
          threads, maxItemSize, udpPort, Math.min(verbose.length, 2), enableShutdown,
          !disableEvictions, options.idleTimeout());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }
}
