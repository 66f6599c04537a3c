package dev.larder.client.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.larder.client.CasValue;
import dev.larder.client.ForwardingLarderClient;
import dev.larder.client.LarderClient;
import dev.larder.client.ServerUnavailableException;
import dev.larder.client.StubClient;
import dev.larder.client.routing.Node;
import dev.larder.client.transcoder.TranscodingException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IgnoreReadErrorsClientTest {
  private static final ServerUnavailableException DOWN = new ServerUnavailableException(Node.of("down", 11211));

  /** Holds "up" on a server that answers; every other key is on a server that is down. */
  private final LarderClient<String> halfDown = new ForwardingLarderClient<>(StubClient.refusing()) {
    @Override
    public CompletableFuture<String> get(String key) {
      return key.equals("up") ? CompletableFuture.completedFuture("value") : CompletableFuture.failedFuture(DOWN);
    }

    @Override
    public CompletableFuture<Map<String, String>> getAll(Collection<String> keys) {
      return CompletableFuture.failedFuture(DOWN);
    }

    @Override
    public CompletableFuture<CasValue<String>> gets(String key) {
      return CompletableFuture.failedFuture(new TranscodingException("flags: 1 (expected: 0)"));
    }

    @Override
    public CompletableFuture<Boolean> set(String key, String value, int exptime) {
      return CompletableFuture.failedFuture(DOWN);
    }
  };

  private final IgnoreReadErrorsClient<String> client = new IgnoreReadErrorsClient<>(halfDown);

  @Test
  void aFailedReadIsAMiss() {
    assertThat(client.get("down").join()).isNull();
    assertThat(client.get("up").join()).isEqualTo("value");
  }

  @Test
  void aFailedBatchKeepsTheKeysOfServersThatAnswer() {
    assertThat(client.getAll(List.of("down", "up", "up")).join()).containsExactly(entry("up", "value"));
  }

  @Test
  void writesStillFail() {
    assertThat(catchThrowable(() -> client.set("down", "v", 0).join())).hasCause(DOWN);
  }

  @Test
  void aValueThatCannotBeDecodedStillFails() {
    assertThat(catchThrowable(() -> client.gets("k").join())).hasCauseInstanceOf(TranscodingException.class);
  }
}
