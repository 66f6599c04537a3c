package dev.larder.bench.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.bench.Ratio;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallerTest {
  private final KeySpace keys = new KeySpace(10, 20);

  @Test
  void makesItsCallsInTheRatioAndChecksWhatItReads() {
    InMemoryClient client = new InMemoryClient();
    Caller caller = new Caller(client, keys, new Ratio(9, 1), new SplittableRandom(1), 100, () -> false);
    caller.run();
    CallerStats stats = caller.stats();
    assertThat(stats.sets()).isEqualTo(10);
    assertThat(stats.gets()).isEqualTo(90);
    assertThat(stats.hits() + stats.misses()).isEqualTo(90);
    assertThat(stats.hits()).as("keys set earlier in the run").isPositive();
    assertThat(stats.errors()).isZero();
    assertThat(stats.latency().getTotalCount()).isEqualTo(100);
  }

  @Test
  void countsThrownCallsRefusedSetsAndWrongValuesAsErrors() {
    InMemoryClient client = new InMemoryClient();
    client.values.put("key:0", keys.value(1));
    client.refuseSets = true;
    Caller caller = new Caller(client, new KeySpace(1, 20), new Ratio(1, 1), new SplittableRandom(1), 4,
        () -> false);
    caller.run();
    assertThat(caller.stats().errors()).isEqualTo(4);
    assertThat(caller.stats().firstError()).hasMessage("set key:0: not stored");

    client.failEverything = true;
    Caller failing = new Caller(client, keys, new Ratio(1, 0), new SplittableRandom(1), 3, () -> false);
    failing.run();
    assertThat(failing.stats().errors()).isEqualTo(3);
    assertThat(failing.stats().firstError()).isInstanceOf(IOException.class);
  }

  @Test
  void stopsWhenTold() {
    InMemoryClient client = new InMemoryClient();
    Caller caller = new Caller(client, keys, new Ratio(9, 1), new SplittableRandom(1), Long.MAX_VALUE,
        () -> client.calls >= 25);
    caller.run();
    assertThat(caller.stats().gets() + caller.stats().sets()).isEqualTo(25);
  }

  /** A map behind the client interface, with switches for the failures a caller must count. */
  private static final class InMemoryClient implements BenchClient {
    final Map<String, byte[]> values = new HashMap<>();
    boolean refuseSets;
    boolean failEverything;
    long calls;

    @Override
    public byte[] get(String key) throws IOException {
      calls++;
      if (failEverything) {
        throw new IOException("down");
      }
      return values.get(key);
    }

    @Override
    public boolean set(String key, byte[] value) throws IOException {
      calls++;
      if (failEverything) {
        throw new IOException("down");
      }
      if (refuseSets) {
        return false;
      }
      values.put(key, value);
      return true;
    }

    @Override
    public void close() {}
  }
}
