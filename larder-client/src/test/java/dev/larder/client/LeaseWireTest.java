package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lease commands on the wire: meta commands to a server that answers {@code mn} with {@code MN},
 * text commands to one that answers {@code ERROR}, and the replies read as {@link Lease}s.
 */
class LeaseWireTest {
  @RegisterExtension
  final ScriptedServers wire = new ScriptedServers();

  @Test
  void aMetaServerGetsMetaCommands() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "mn" -> "MN\r\n";
      case "mg k v f c N30 R5" -> "VA 0 f0 c2 W\r\n\r\n";
      case "mg k v f c N30" -> "VA 0 f0 c2 Z\r\n\r\n";
      case "ms k 2 F0 T60 C2" -> "";
      case "hi" -> "HD\r\n";
      case "md k C2", "md k I" -> "HD\r\n";
      case "md k I C7" -> "EX\r\n";
      default -> "ERROR\r\n";
    });
    BlockingLarderClient<String> client = client(server).sync();

    Lease<String> won = client.leaseGet("k", 30, 5);
    Lease<String> waiting = client.leaseGet("k", 30, 0);
    boolean filled = client.fillLease("k", won, "hi", 60);
    boolean released = client.releaseLease("k", won);
    boolean releasedStale = client.releaseLease("k", new Lease<>("old", 7, true, true));
    boolean invalidated = client.invalidate("k");

    assertThat(won).isEqualTo(new Lease<String>(null, 2, true, false));
    assertThat(waiting).isEqualTo(new Lease<String>(null, 2, false, false));
    assertThat(filled).isTrue();
    assertThat(released).isTrue();
    assertThat(releasedStale).isFalse();
    assertThat(invalidated).isTrue();
    assertThat(server.takeLines()).containsExactly("mn", "mg k v f c N30 R5", "mg k v f c N30", "ms k 2 F0 T60 C2",
        "hi", "md k C2", "md k I C7", "md k I");
  }

  @Test
  void valuesStaleOrNotAreDecoded() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "mn" -> "MN\r\n";
      case "mg stale v f c N30" -> "VA 3 f0 c8 X W\r\nold\r\n";
      case "mg fresh v f c N30" -> "VA 3 f0 c9\r\nnew\r\n";
      case "mg empty v f c N30" -> "VA 0 f0 c10\r\n\r\n";
      case "mg vivified-then-invalidated v f c N30" -> "VA 0 f0 c11 Z X\r\n\r\n";
      case "mg no-memory v f c N30" -> "EN\r\n";
      default -> "ERROR\r\n";
    });
    BlockingLarderClient<String> client = client(server).sync();

    assertThat(client.leaseGet("stale", 30, 0)).isEqualTo(new Lease<>("old", 8, true, true));
    assertThat(client.leaseGet("fresh", 30, 0)).isEqualTo(new Lease<>("new", 9, false, false));
    assertThat(client.leaseGet("empty", 30, 0)).isEqualTo(new Lease<>("", 10, false, false));
    assertThat(client.leaseGet("vivified-then-invalidated", 30, 0)).isEqualTo(new Lease<String>(null, 11, false, false));
    assertThat(client.leaseGet("no-memory", 30, 0)).isEqualTo(Lease.missWithoutLease());
  }

  @Test
  void aServerWithoutMetaCommandsGetsTextCommandsAndIsAskedOnce() throws Exception {
    ScriptedServer server = wire.server(line -> switch (line) {
      case "get hit" -> "VALUE hit 0 1\r\nv\r\nEND\r\n";
      case "get miss" -> "END\r\n";
      case "add miss 0 60 1" -> "";
      case "v" -> "STORED\r\n";
      case "delete hit" -> "DELETED\r\n";
      default -> "ERROR\r\n";
    });
    BlockingLarderClient<String> client = client(server).sync();

    Lease<String> hit = client.leaseGet("hit", 30, 0);
    Lease<String> miss = client.leaseGet("miss", 30, 0);
    boolean filled = client.fillLease("miss", miss, "v", 60);
    boolean released = client.releaseLease("miss", miss);
    boolean invalidated = client.invalidate("hit");

    assertThat(hit).isEqualTo(new Lease<>("v", 0, false, false));
    assertThat(miss).isEqualTo(Lease.missWithoutLease());
    assertThat(filled).isTrue();
    assertThat(released).isFalse();
    assertThat(invalidated).isTrue();
    assertThat(server.takeLines()).containsExactly("mn", "get hit", "get miss", "add miss 0 60 1", "v", "delete hit");
  }

  private LarderClient<String> client(ScriptedServer server) {
    return wire.client(List.of(server), UnaryOperator.identity());
  }
}
