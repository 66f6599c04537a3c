package dev.larder.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.CacheException;
import dev.larder.client.LarderClient;
import dev.larder.client.helpers.RetryingClient;
import dev.larder.client.it.ServerKind.CacheServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A RetryingClient rides out a server restart that a plain client reports as failures. */
class RetryingClientIT {
  @RegisterExtension
  final TestResources resources = new TestResources();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void recoversAcrossAServerRestart(ServerKind kind) throws Exception {
    CacheServer server = resources.start(kind);
    int port = server.port();
    LarderClient<String> plain = resources.client(new Utf8Transcoder(),
        builder -> builder.reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)), List.of(server));
    RetryingClient<String> retrying = RetryingClient.builder(plain)
        .attempts(100)
        .delay(Duration.ofMillis(50))
        .build();
    assertThat(retrying.sync().set("k", "before", 0)).isTrue();

    server.close();
    assertThat(catchThrowable(() -> plain.sync().get("k"))).isInstanceOf(CacheException.class);
    CompletableFuture<Boolean> setWhileDown = retrying.set("k", "after", 0);
    CompletableFuture<Long> incrWhileDown = retrying.incr("n", 1);
    resources.closeLater(kind.startOn(port));

    assertThat(setWhileDown.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(retrying.sync().get("k")).isEqualTo("after");
    assertThat(catchThrowable(incrWhileDown::join)).as("incr is not retried by default")
        .hasCauseInstanceOf(CacheException.class);
  }
}
