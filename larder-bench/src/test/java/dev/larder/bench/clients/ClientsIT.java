package dev.larder.bench.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.it.MemcachedProcess;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every W5 adapter against a real memcached: a short run bounded by a request count, and a value
 * written and read back. Counts only: no timing is asserted.
 */
class ClientsIT {
  private static final int REQUESTS = 2000;
  private static MemcachedProcess memcached;

  @BeforeAll
  static void startMemcached() throws Exception {
    memcached = MemcachedProcess.start("-t", "2", "-m", "64");
  }

  @AfterAll
  static void stopMemcached() {
    memcached.close();
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void completesEveryRequestWithoutErrors(ClientKind kind) throws Exception {
    ClientBenchOptions options = ClientBenchOptions.parse("--server", "127.0.0.1:" + memcached.port(),
        "--warmup", "0", "--requests", Integer.toString(REQUESTS), "--keys", "500");
    RunReport report = new ClientRun(options, new KeySpace(options.keys(), options.valueSize())).run(kind, 4);

    assertThat(report.client()).isEqualTo(kind.label());
    assertThat(report.firstError()).isEmpty();
    assertThat(report.errors()).isZero();
    assertThat(report.ops()).isEqualTo(REQUESTS);
    assertThat(report.sets()).isEqualTo(REQUESTS / 10);
    assertThat(report.misses()).as("every key was set first").isZero();
    assertThat(report.hits()).as("each get returned its key's value").isEqualTo(report.gets());
    assertThat(report.latency().count()).isEqualTo(REQUESTS);
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void readsBackWhatItWrote(ClientKind kind) throws Exception {
    byte[] value = ("written by " + kind.label()).getBytes(StandardCharsets.UTF_8);
    ClientSettings settings =
        new ClientSettings(new InetSocketAddress("127.0.0.1", memcached.port()), 2, 0, Duration.ofSeconds(1));
    try (BenchClient client = kind.connect(settings)) {
      assertThat(client.set("it:" + kind.label(), value)).isTrue();
      assertThat(client.get("it:" + kind.label())).isEqualTo(value);
      assertThat(client.get("it:never-written:" + kind.label())).isNull();
    }
  }
}
