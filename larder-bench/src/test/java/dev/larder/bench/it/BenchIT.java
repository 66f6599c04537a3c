package dev.larder.bench.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.bench.Bench;
import dev.larder.bench.BenchConfig;
import dev.larder.bench.BenchReport;
import dev.larder.bench.KeyPattern;
import dev.larder.bench.Protocol;
import dev.larder.bench.Ratio;
import dev.larder.bench.ValueSizes;
import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import dev.larder.server.it.MemcachedProcess;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Short runs against a real memcached and an in-process Larder. Counts only: no timing is asserted. */
class BenchIT {
  /** Every protocol, with single-key gets and with multi-gets of 4. */
  static Stream<Arguments> protocols() {
    return Arrays.stream(Protocol.values()).flatMap(p -> Stream.of(Arguments.of(p, 1), Arguments.of(p, 4)));
  }

  @ParameterizedTest(name = "{0}, {1} keys per get")
  @MethodSource("protocols")
  void againstMemcached(Protocol protocol, int multiget) throws Exception {
    try (MemcachedProcess memcached = MemcachedProcess.start("-t", "2", "-m", "64")) {
      assertSound(Bench.run(config(memcached.port(), protocol, multiget), null));
    }
  }

  @ParameterizedTest(name = "{0}, {1} keys per get")
  @MethodSource("protocols")
  void againstLarder(Protocol protocol, int multiget) throws Exception {
    try (LarderServer larder = LarderServer.start(ServerConfig.defaults().withPort(0))) {
      assertSound(Bench.run(config(larder.port(), protocol, multiget), null));
    }
  }

  /**
   * Paced by the metronomes, after an unmeasured start: exactly the budget of requests is measured,
   * each answered and timed; with 5 connections on 2 loops, one loop paces 3 and the other 2.
   */
  @Test
  void atAFixedRateTheBudgetIsMeasuredAfterTheUnmeasuredStart() throws Exception {
    try (MemcachedProcess memcached = MemcachedProcess.start("-t", "2", "-m", "64")) {
      BenchReport report = Bench.run(new BenchConfig(List.of(address(memcached.port())), 2, 5, 1,
          new Ratio(9, 1), 2000, KeyPattern.UNIFORM, 0.99, new ValueSizes(100, 100), Duration.ofSeconds(1),
          Duration.ofMillis(200), 3000, 5000, Protocol.TEXT, 1, true, 1), null);
      assertSound(report);
      assertThat(report.ops()).isEqualTo(3000);
    }
  }

  private static BenchConfig config(int port, Protocol protocol, int multiget) {
    return new BenchConfig(List.of(address(port)), 2, 4, 4, new Ratio(9, 1), 2000, KeyPattern.ZIPF, 0.99,
        new ValueSizes(10, 200), Duration.ofSeconds(1), Duration.ZERO, 0, 0, protocol, multiget, true, 1);
  }

  private static InetSocketAddress address(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  private static void assertSound(BenchReport report) {
    assertThat(report.ops()).isPositive();
    assertThat(report.gets()).isPositive();
    assertThat(report.sets()).isPositive();
    assertThat(report.hits()).as("every key was prefilled").isPositive();
    assertThat(report.misses()).isZero();
    assertThat(report.errors()).isZero();
    assertThat(report.allLatency().count()).isEqualTo(report.ops());
  }
}
