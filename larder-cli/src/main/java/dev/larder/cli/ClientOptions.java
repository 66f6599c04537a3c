package dev.larder.cli;

import dev.larder.client.LarderClient;
import dev.larder.client.transcoder.CachedData;
import dev.larder.client.transcoder.RawTranscoder;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every subcommand that reads or writes items needs: the cluster and a client over it. */
final class ClientOptions {
  @Mixin ServerListOptions cluster;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5S",
      converter = DurationConverter.class,
      description = "How long to wait to connect and for each reply, e.g. 500ms, 5s (default: 5s).")
  Duration timeout;

  /** A client that shows items exactly as stored, whatever wrote them. */
  LarderClient<CachedData> connect() {
    return LarderClient.builder()
        .servers(cluster.nodes())
        .locator(cluster.distribution()::locator)
        .connectTimeout(timeout)
        .operationTimeout(timeout)
        .connectionsPerServer(1)
        .build(RawTranscoder.INSTANCE);
  }
}
