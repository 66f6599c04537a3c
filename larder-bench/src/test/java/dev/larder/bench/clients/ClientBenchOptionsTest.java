package dev.larder.bench.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.bench.Ratio;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientBenchOptionsTest {
  @Test
  void defaultsAreW5() {
    ClientBenchOptions options = ClientBenchOptions.parse("--server", "127.0.0.1:11311");
    assertThat(options.server()).isEqualTo(new InetSocketAddress("127.0.0.1", 11311));
    assertThat(options.clients()).containsExactly(ClientKind.values());
    assertThat(options.threads()).containsExactly(1, 16, 128);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.requests()).isZero();
    assertThat(options.keys()).isEqualTo(100_000);
    assertThat(options.valueSize()).isEqualTo(100);
    assertThat(options.ratio()).isEqualTo(new Ratio(9, 1));
    assertThat(options.connections()).isEqualTo(2);
    assertThat(options.larderIoThreads()).isZero();
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.json()).isNull();
  }

  @Test
  void takesEveryFlagWithASpaceOrAnEqualsSign() {
    ClientBenchOptions options = ClientBenchOptions.parse("--server=127.0.0.1", "--clients", "folsom, larder",
        "--threads=4,8", "--duration", "500ms", "--warmup", "0", "--requests", "1000", "--keys", "50",
        "--value-size", "7", "--ratio", "1:1", "--connections", "3", "--larder-io-threads", "1", "--timeout", "2s",
        "--seed", "9", "--json", "runs.jsonl");
    assertThat(options.server().getPort()).isEqualTo(11211);
    assertThat(options.clients()).containsExactly(ClientKind.FOLSOM, ClientKind.LARDER);
    assertThat(options.threads()).containsExactly(4, 8);
    assertThat(options.duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.warmup()).isZero();
    assertThat(options.requests()).isEqualTo(1000);
    assertThat(options.keys()).isEqualTo(50);
    assertThat(options.valueSize()).isEqualTo(7);
    assertThat(options.ratio()).isEqualTo(new Ratio(1, 1));
    assertThat(options.connections()).isEqualTo(3);
    assertThat(options.larderIoThreads()).isEqualTo(1);
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.seed()).isEqualTo(9);
    assertThat(options.json()).isEqualTo(Path.of("runs.jsonl"));
    assertThat(options.settings()).isEqualTo(
        new ClientSettings(new InetSocketAddress("127.0.0.1", 11211), 3, 1, Duration.ofSeconds(2)));
  }

  @Test
  void badCommandLinesNameTheCulprit() {
    assertThatThrownBy(() -> ClientBenchOptions.parse()).hasMessage("--server: missing (expected: HOST:PORT)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--thread", "4"))
        .hasMessageStartingWith("flag: --thread (expected: one of [--server,");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--keys"))
        .hasMessage("--keys: no value (expected: --keys VALUE)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--keys", "1", "--keys", "2"))
        .hasMessage("--keys: 2 (expected: the flag once)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--clients", "memcache"))
        .hasMessage("client: 'memcache' (expected: one of [larder, spymemcached, xmemcached, folsom])");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--threads", "16,0"))
        .hasMessage("threads: [16, 0] (expected: counts >= 1)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--threads", "many"))
        .hasMessage("threads: 'many' (expected: a number)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--larder-io-threads", "-1"))
        .hasMessage("larder-io-threads: -1 (expected: >= 0)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "a:1,b:2"))
        .hasMessage("server: a:1,b:2 (expected: one HOST:PORT)");
    assertThatThrownBy(() -> ClientBenchOptions.parse("--server", "127.0.0.1", "--duration", "soon"))
        .hasMessage("duration: 'soon' (expected: e.g. 500ms, 10s, 2m)");
  }

  @Test
  void everyClientHasALabel() {
    for (ClientKind kind : ClientKind.values()) {
      assertThat(ClientKind.parse(kind.label())).isSameAs(kind);
    }
    assertThat(List.of(ClientKind.values()).stream().map(ClientKind::label))
        .containsExactly("larder", "spymemcached", "xmemcached", "folsom");
  }
}
