package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which protocol single-key commands go out in, for each {@link ClientProtocol}, and what is asked first. */
class ProtocolWireTest {
  @RegisterExtension
  final ScriptedServers wire = new ScriptedServers();

  @Test
  void autoSendsMetaCommandsToAMetaServerAfterAskingOnce() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "mn" -> "MN\r\n";
      case "mg k v f" -> "VA 1 f0\r\nv\r\n";
      case "mg k T60" -> "EN\r\n";
      default -> "ERROR\r\n";
    });
    BlockingLarderClient<String> client = client(server, ClientProtocol.AUTO).sync();

    assertThat(client.get("k")).isEqualTo("v");
    assertThat(client.touch("k", 60)).isFalse();
    assertThat(server.takeLines()).containsExactly("mn", "mg k v f", "mg k T60");
  }

  @Test
  void autoSendsTextCommandsToAServerWithoutMeta() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "get k" -> "VALUE k 0 1\r\nv\r\nEND\r\n";
      case "touch k 60" -> "NOT_FOUND\r\n";
      default -> "ERROR\r\n";
    });
    BlockingLarderClient<String> client = client(server, ClientProtocol.AUTO).sync();

    assertThat(client.get("k")).isEqualTo("v");
    assertThat(client.touch("k", 60)).isFalse();
    assertThat(server.takeLines()).containsExactly("mn", "get k", "touch k 60");
  }

  @Test
  void textAndMetaAskNothing() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "get k" -> "VALUE k 0 1\r\nv\r\nEND\r\n";
      case "mg k v f" -> "VA 1 f0\r\nw\r\n";
      default -> "ERROR\r\n";
    });

    assertThat(client(server, ClientProtocol.TEXT).sync().get("k")).isEqualTo("v");
    assertThat(client(server, ClientProtocol.META).sync().get("k")).isEqualTo("w");
    assertThat(server.takeLines()).containsExactly("get k", "mg k v f");
  }

  @Test
  void noreplyStaysText() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "mn" -> "MN\r\n";
      case "mg k v f" -> "VA 1 f0\r\nv\r\n";
      case "set k 0 0 1 noreply", "v" -> "";
      default -> "ERROR\r\n";
    });
    LarderClient<String> client = wire.client(List.of(server), builder -> builder.protocol(ClientProtocol.META).noreply(true));

    assertThat(client.sync().set("k", "v", 0)).isTrue();
    assertThat(client.sync().get("k")).isEqualTo("v");
    assertThat(server.takeLines()).containsExactly("set k 0 0 1 noreply", "v", "mg k v f");
  }

  private LarderClient<String> client(ScriptedServer server, ClientProtocol protocol) {
    return wire.client(List.of(server), builder -> builder.protocol(protocol));
  }
}
