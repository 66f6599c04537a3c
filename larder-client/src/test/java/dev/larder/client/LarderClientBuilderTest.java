package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.client.it.Utf8Transcoder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LarderClientBuilderTest {

  @Test
  void anEmptyServerListIsRefused() {
    assertThatThrownBy(() -> LarderClient.builder().servers(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers: [] (expected: at least one server)");
  }

  @Test
  void settingsAreCheckedWhenSet() {
    LarderClientBuilder builder = LarderClient.builder();
    assertThatThrownBy(() -> builder.operationTimeout(Duration.ZERO))
        .hasMessage("operationTimeout: PT0S (expected: > 0)");
    assertThatThrownBy(() -> builder.connectTimeout(null))
        .hasMessage("connectTimeout: null (expected: > 0)");
    assertThatThrownBy(() -> builder.connectionsPerServer(0))
        .hasMessage("connectionsPerServer: 0 (expected: 1..64)");
    assertThatThrownBy(() -> builder.ioThreads(0))
        .hasMessage("ioThreads: 0 (expected: 1..1024)");
    assertThatThrownBy(() -> builder.maxOutstandingPerServer(0))
        .hasMessage("maxOutstandingPerServer: 0 (expected: >= 1)");
    assertThatThrownBy(() -> builder.maxValueBytes(-1))
        .hasMessage("maxValueBytes: -1 (expected: 0..1073741824)");
    assertThatThrownBy(() -> builder.deadServerPolicy(-1, Duration.ofSeconds(1), Duration.ofSeconds(60)))
        .hasMessage("deadServerPolicy retryAttempts: -1 (expected: >= 0)");
    assertThatThrownBy(() -> builder.failureMode(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void buildingNeedsServers() {
    assertThatThrownBy(() -> LarderClient.builder().build(new Utf8Transcoder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers: [] (expected: at least one server)");
  }
}
