package dev.larder.client.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.CacheTimeoutException;
import dev.larder.client.ConnectionLostException;
import dev.larder.client.LarderClient;
import dev.larder.client.ServerErrorException;
import dev.larder.client.ServerUnavailableException;
import dev.larder.client.StubClient;
import dev.larder.client.routing.Node;
import dev.larder.protocol.text.TextResponse.ErrorKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingClientTest {
  private static final Node NODE = Node.of("127.0.0.1", 11211);

  private final AtomicInteger calls = new AtomicInteger();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();

  /** Answers every command with the next scripted failure, or with "ok" (1 for incr) once none is left. */
  private final LarderClient<String> flaky = StubClient.answering((command, args) -> {
    calls.incrementAndGet();
    RuntimeException failure = failures.poll();
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    return CompletableFuture.completedFuture(command.equals("incr") ? (Object) 1L : "ok");
  });

  @Test
  void retriesAServerThatIsDownUntilItAnswers() {
    failures.add(new ServerUnavailableException(NODE));
    failures.add(new ConnectionLostException(NODE, "closed", null));
    failures.add(new CacheTimeoutException(NODE, Duration.ofMillis(1)));

    String value = retrying(4).get("k").join();

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(4);
  }

  @Test
  void reportsTheLastFailureOnceTheAttemptsAreSpent() {
    failures.add(new ServerUnavailableException(NODE));
    ServerUnavailableException last = new ServerUnavailableException(NODE);
    failures.add(last);
    failures.add(new ServerUnavailableException(NODE));

    Throwable failure = catchThrowable(() -> retrying(2).get("k").join());

    assertThat(failure).hasCause(last);
    assertThat(calls).hasValue(2);
  }

  @Test
  void doesNotRetryOtherFailures() {
    ServerErrorException refused = new ServerErrorException(NODE, ErrorKind.SERVER_ERROR, "out of memory");
    failures.add(refused);

    assertThat(catchThrowable(() -> retrying(3).set("k", "v", 0).join())).hasCause(refused);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retriesTheTypesItIsTold() {
    failures.add(new ServerErrorException(NODE, ErrorKind.SERVER_ERROR, "out of memory"));
    failures.add(new ServerUnavailableException(NODE));
    RetryingClient<String> client = RetryingClient.builder(flaky)
        .attempts(3).delay(Duration.ZERO).retryOn(List.of(ServerErrorException.class)).build();

    assertThat(catchThrowable(() -> client.get("k").join())).hasCauseInstanceOf(ServerUnavailableException.class);
    assertThat(calls).hasValue(2);
  }

  @Test
  void doesNotRetryNonIdempotentCommandsByDefault() {
    failures.add(new ConnectionLostException(NODE, "closed", null));

    assertThat(catchThrowable(() -> retrying(3).incr("k", 1).join()))
        .hasCauseInstanceOf(ConnectionLostException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retriesNonIdempotentCommandsWhenAllowed() {
    failures.add(new ConnectionLostException(NODE, "closed", null));
    RetryingClient<String> client = RetryingClient.builder(flaky)
        .attempts(3).delay(Duration.ZERO).retryNonIdempotent(true).build();

    assertThat(client.incr("k", 1).join()).isEqualTo(1L);
    assertThat(calls).hasValue(2);
  }

  @Test
  void blockingCallsWaitForEveryAttempt() {
    RetryingClient<String> client = RetryingClient.builder(flaky).attempts(3).delay(Duration.ofMillis(100)).build();

    assertThat(client.sync().timeout())
        .isEqualTo(StubClient.SYNC_TIMEOUT.multipliedBy(3).plus(Duration.ofMillis(200)));
  }

  private RetryingClient<String> retrying(int attempts) {
    return RetryingClient.builder(flaky).attempts(attempts).delay(Duration.ZERO).build();
  }
}
