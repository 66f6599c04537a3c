package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.client.it.Utf8Transcoder;
import dev.larder.client.routing.Node;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LarderClientBuilderTest {

  @Test
  void serverStringsAreHostPortLists() {
    assertThat(parse("a:1, b , [::1]:3,[fe80::1],10.0.0.1:11212"))
        .containsExactly(Node.of("a", 1), Node.of("b", 11211), Node.of("::1", 3), Node.of("fe80::1", 11211),
            Node.of("10.0.0.1", 11212));
  }

  @Test
  void badServerStringsAreRefused() {
    assertThatThrownBy(() -> parse("a:x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers: 'a:x' (expected: host:port)");
    assertThatThrownBy(() -> parse("a:0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 0 (expected: 1..65535)");
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
    assertThatThrownBy(() -> builder.maxOutstandingPerServer(0))
        .hasMessage("maxOutstandingPerServer: 0 (expected: >= 1)");
    assertThatThrownBy(() -> builder.maxValueBytes(-1))
        .hasMessage("maxValueBytes: -1 (expected: 0..1073741824)");
  }

  @Test
  void buildingNeedsServers() {
    assertThatThrownBy(() -> LarderClient.builder().build(new Utf8Transcoder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("servers: [] (expected: at least one server)");
  }

  private static List<Node> parse(String servers) {
    return LarderClientBuilder.parseServers(servers);
  }
}
