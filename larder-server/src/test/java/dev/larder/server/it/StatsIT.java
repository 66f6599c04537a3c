package dev.larder.server.it;

import static dev.larder.server.it.BinaryConnection.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parts of the text protocol whose values legitimately differ from memcached's: {@code stats}
 * and {@code version}. Stats are checked by name, format and how counters move, against memcached
 * too, so the expectations themselves are known to be memcached's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsIT {
  /** The general stats PROTOCOL.md requires. */
  private static final List<String> REQUIRED_STATS = List.of(
      "pid", "uptime", "time", "version", "pointer_size", "curr_connections", "total_connections",
      "rejected_connections", "cmd_get", "cmd_set", "cmd_flush", "cmd_touch", "get_hits", "get_misses",
      "get_expired", "get_flushed", "delete_hits", "delete_misses", "incr_hits", "incr_misses",
      "decr_hits", "decr_misses", "cas_hits", "cas_misses", "cas_badval", "touch_hits", "touch_misses",
      "bytes_read", "bytes_written", "limit_maxbytes", "threads", "curr_items", "total_items", "bytes",
      "evictions", "expired_unfetched", "evicted_unfetched", "reclaimed");

  @RegisterExtension
  static final SideBySideServers servers = new SideBySideServers();

  Stream<String> servers() {
    return Stream.of("memcached", "larder");
  }

  private int port(String server) {
    return server.equals("memcached") ? servers.memcached().port() : servers.larder().port();
  }

  @Test
  void versionNamesLarderAndTheMemcachedItFollows() throws IOException {
    try (TextConnection connection = TextConnection.open(servers.larder().port())) {
      assertThat(connection.command("version")).isEqualTo("VERSION 1.6.18+larder.0.1.0");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void generalStatsHaveEveryRequiredName(String server) throws IOException {
    try (TextConnection connection = TextConnection.open(port(server))) {
      Map<String, String> stats = connection.stats("");

      assertThat(stats).containsKeys(REQUIRED_STATS.toArray(String[]::new));
      assertThat(stats.get("curr_connections")).satisfies(n -> assertThat(Long.parseLong(n)).isPositive());
      assertThat(stats.get("limit_maxbytes")).isEqualTo(Long.toString(64L * 1024 * 1024));
      assertThat(stats.get("pid")).isEqualTo(Long.toString(pidOf(server)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void countersMoveWithCommands(String server) throws IOException {
    try (TextConnection connection = TextConnection.open(port(server))) {
      Map<String, String> before = connection.stats("");
      TextConnection.Reply reply = CasScript.run(connection, ""
          + "set cm_a 0 0 1\r\na\r\nset cm_b 0 0 1\r\nb\r\nset cm_n 0 0 1\r\n5\r\n"
          + "get cm_a cm_b cm_missing\r\n"
          + "delete cm_a\r\ndelete cm_a\r\n"
          + "incr cm_n 1\r\nincr cm_missing 1\r\ndecr cm_n 1\r\ndecr cm_missing 1\r\n"
          + "touch cm_b 100\r\ntouch cm_missing 100\r\n"
          + "gets cm_b\r\ncas cm_b 0 0 1 {cas}\r\nc\r\ncas cm_b 0 0 1 {cas}\r\nd\r\n"
          + "cas cm_missing 0 0 1 1\r\ne\r\n");
      assertThat(reply.printable()).startsWith("STORED\\r\\nSTORED\\r\\nSTORED\\r\\n").endsWith("NOT_FOUND\\r\\n");
      Map<String, String> after = connection.stats("");

      assertThat(delta(before, after, "cmd_get")).as("cmd_get").isEqualTo(4);
      assertThat(delta(before, after, "get_hits")).as("get_hits").isEqualTo(3);
      assertThat(delta(before, after, "get_misses")).as("get_misses").isEqualTo(1);
      assertThat(delta(before, after, "cmd_set")).as("cmd_set").isEqualTo(6);
      assertThat(delta(before, after, "curr_items")).as("curr_items").isEqualTo(2);
      assertThat(delta(before, after, "total_items")).as("total_items").isGreaterThanOrEqualTo(4);
      assertThat(delta(before, after, "delete_hits")).as("delete_hits").isEqualTo(1);
      assertThat(delta(before, after, "delete_misses")).as("delete_misses").isEqualTo(1);
      assertThat(delta(before, after, "incr_hits")).as("incr_hits").isEqualTo(1);
      assertThat(delta(before, after, "incr_misses")).as("incr_misses").isEqualTo(1);
      assertThat(delta(before, after, "decr_hits")).as("decr_hits").isEqualTo(1);
      assertThat(delta(before, after, "decr_misses")).as("decr_misses").isEqualTo(1);
      assertThat(delta(before, after, "cmd_touch")).as("cmd_touch").isEqualTo(2);
      assertThat(delta(before, after, "touch_hits")).as("touch_hits").isEqualTo(1);
      assertThat(delta(before, after, "touch_misses")).as("touch_misses").isEqualTo(1);
      assertThat(delta(before, after, "cas_hits")).as("cas_hits").isEqualTo(1);
      assertThat(delta(before, after, "cas_badval")).as("cas_badval").isEqualTo(1);
      assertThat(delta(before, after, "cas_misses")).as("cas_misses").isEqualTo(1);
      assertThat(delta(before, after, "bytes_read")).as("bytes_read").isPositive();
      assertThat(delta(before, after, "bytes_written")).as("bytes_written").isPositive();
    }
  }

  /** The counters a meta or binary command may move. */
  private static final List<String> COMMAND_COUNTERS = List.of(
      "cmd_get", "cmd_set", "cmd_touch", "cmd_meta", "get_hits", "get_misses", "get_expired", "delete_hits",
      "delete_misses", "incr_hits", "incr_misses", "decr_hits", "decr_misses", "cas_hits", "cas_misses",
      "cas_badval", "touch_hits", "touch_misses", "store_too_large", "cmd_flush", "curr_items");

  @Test
  void metaCommandsMoveTheCountersMemcachedMoves() throws IOException {
    String script = ""
        + "ms mc_a 1\r\na\r\nms mc_a 1 ME\r\nb\r\nms mc_n 1 c\r\n5\r\nms mc_n 1 C{cas}\r\n6\r\n"
        + "ms mc_n 1 C1\r\n7\r\nms mc_none 1 C1\r\n8\r\nms mc_x 1 T-1\r\nx\r\nms mc_y 1 Fz\r\ny\r\n"
        + "mg mc_a v\r\nmg mc_missing v\r\nmg mc_x v\r\nmg mc_a T30\r\nmg mc_missing T30\r\n"
        + "mg mc_viv N30\r\nmg mc_viv N30\r\nmg mc_a u q\r\n"
        + "ma mc_n\r\nma mc_n MD\r\nma mc_missing\r\nma mc_missing MD\r\nma mc_made N0 J4\r\nma mc_n C1\r\n"
        + "ma mc_a\r\nmd mc_a I\r\nmd mc_a C1\r\nmd mc_a\r\nmd mc_a\r\nme mc_n\r\nme mc_missing\r\nmn\r\n";
    assertSameCountersMove((connection, port) -> CasScript.run(connection, script));
  }

  @Test
  void binaryCommandsMoveTheCountersMemcachedMoves() throws IOException {
    byte[] script = concat(
        binary(0x01, new byte[8], "bc_a", "a"), binary(0x02, new byte[8], "bc_a", "b"),
        binary(0x01, new byte[8], "bc_c", "5"), binary(0x00, new byte[0], "bc_a", ""),
        binary(0x09, new byte[0], "bc_missing", ""), binary(0x0c, new byte[0], "bc_missing", ""),
        binary(0x1c, new byte[4], "bc_a", ""), binary(0x1d, new byte[4], "bc_missing", ""),
        binary(0x05, new byte[20], "bc_c", ""), binary(0x06, new byte[20], "bc_c", ""),
        binary(0x05, ByteBuffer.allocate(20).putLong(1).putLong(0).putInt(-1).array(), "bc_missing", ""),
        binary(0x05, new byte[20], "bc_made", ""), binary(0x0e, new byte[0], "bc_a", "x"),
        binary(0x04, new byte[0], "bc_a", ""), binary(0x04, new byte[0], "bc_a", ""));
    assertSameCountersMove((connection, port) -> {
      try (BinaryConnection binary = BinaryConnection.open(port)) {
        binary.exchange(script);
      }
    });
  }

  /** A script run over its own connection(s) to the server on {@code port}. */
  @FunctionalInterface
  private interface Script {
    void run(TextConnection statsConnection, int port) throws IOException;
  }

  /** Runs {@code script} on both servers and compares how much each counter moved. */
  private void assertSameCountersMove(Script script) throws IOException {
    Map<String, Map<String, Long>> moved = new LinkedHashMap<>();
    for (String server : List.of("memcached", "larder")) {
      try (TextConnection connection = TextConnection.open(port(server))) {
        Map<String, String> before = connection.stats("");
        script.run(connection, port(server));
        Map<String, String> after = connection.stats("");
        Map<String, Long> deltas = new LinkedHashMap<>();
        for (String counter : COMMAND_COUNTERS) {
          deltas.put(counter, delta(before, after, counter));
        }
        moved.put(server, deltas);
      }
    }
    assertThat(moved.get("larder")).isEqualTo(moved.get("memcached"));
    assertThat(moved.get("memcached").values()).as("the script moves counters").anyMatch(delta -> delta > 0);
  }

  private static byte[] binary(int opcode, byte[] extras, String key, String value) {
    return BinaryConnection.request(opcode, extras, key, value, opcode, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void statsGroupsAreStatLinesEndingInEnd(String server) throws IOException {
    try (TextConnection connection = TextConnection.open(port(server))) {
      assertThat(connection.command("set sg_a 0 0 1\r\na")).isEqualTo("STORED");
      for (String group : List.of("settings", "items", "slabs", "conns")) {
        assertThat(connection.stats(group)).as("stats %s", group).isNotEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void statsResetZeroesCounters(String server) throws IOException {
    try (TextConnection connection = TextConnection.open(port(server))) {
      assertThat(connection.command("get sr_missing")).isEqualTo("END");

      assertThat(connection.command("stats reset")).isEqualTo("RESET");

      Map<String, String> stats = connection.stats("");
      assertThat(stats).containsEntry("cmd_get", "0").containsEntry("get_misses", "0");
    }
  }

  private long pidOf(String server) {
    return server.equals("memcached") ? servers.memcached().pid() : ProcessHandle.current().pid();
  }

  private static long delta(Map<String, String> before, Map<String, String> after, String name) {
    return Long.parseLong(after.get(name)) - Long.parseLong(before.get(name));
  }
}
