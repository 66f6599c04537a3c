package dev.larder.server.it;

import static dev.larder.server.it.BinaryConnection.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends the same binary-protocol packets to memcached 1.6.18 and to Larder and requires the same
 * response packets, CAS uniques compared only as zero or not and the version text masked (see {@link
 * BinaryConnection.Packet#describe}). A case is a list of steps, each sent as one write; a step may
 * quote the last CAS unique the server returned. Each case runs on a fresh connection to each server,
 * with keys no other case uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinaryProtocolDifferentialIT {
  private static final int GET = 0x00;
  private static final int SET = 0x01;
  private static final int ADD = 0x02;
  private static final int REPLACE = 0x03;
  private static final int DELETE = 0x04;
  private static final int INCREMENT = 0x05;
  private static final int DECREMENT = 0x06;
  private static final int QUIT = 0x07;
  private static final int FLUSH = 0x08;
  private static final int GETQ = 0x09;
  private static final int NOOP = 0x0a;
  private static final int VERSION = 0x0b;
  private static final int GETK = 0x0c;
  private static final int GETKQ = 0x0d;
  private static final int APPEND = 0x0e;
  private static final int PREPEND = 0x0f;
  private static final int STAT = 0x10;
  private static final int SETQ = 0x11;
  private static final int ADDQ = 0x12;
  private static final int DELETEQ = 0x14;
  private static final int INCREMENTQ = 0x15;
  private static final int QUITQ = 0x17;
  private static final int FLUSHQ = 0x18;
  private static final int APPENDQ = 0x19;
  private static final int TOUCH = 0x1c;
  private static final int GAT = 0x1d;
  private static final int GATQ = 0x1e;
  private static final int SASL_LIST_MECHS = 0x20;
  private static final int SASL_AUTH = 0x21;
  private static final int GATK = 0x23;
  private static final int GATKQ = 0x24;
  private static final long NO_CREATE = 0xFFFF_FFFFL;
  private static final String MB_PLUS_ONE = "x".repeat(1024 * 1024 + 1);

  @RegisterExtension
  static final SideBySideServers servers = new SideBySideServers();

  /** One write of a case; {@code lastCas} is the last non-zero CAS unique the server answered. */
  @FunctionalInterface
  interface Step {
    byte[] bytes(long lastCas);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersLikeMemcached(String name, List<Step> steps) throws IOException {
    List<String> expected = run(servers.memcached().port(), steps);
    List<String> actual = run(servers.larder().port(), steps);

    assertThat(actual).as(name).containsExactlyElementsOf(expected);
  }

  @Test
  void statListsNameValuePacketsEndedByAnEmptyOne() throws IOException {
    for (int port : new int[] {servers.memcached().port(), servers.larder().port()}) {
      try (BinaryConnection connection = BinaryConnection.open(port)) {
        List<BinaryConnection.Packet> packets = connection.exchange(packet(STAT, "", "")).packets();
        BinaryConnection.Packet last = packets.get(packets.size() - 1);
        assertThat(last.key()).isEmpty();
        assertThat(last.value()).isEmpty();
        List<String> names = packets.stream().map(p -> new String(p.key(), java.nio.charset.StandardCharsets.US_ASCII))
            .toList();
        assertThat(names).contains("pid", "uptime", "cmd_get", "get_hits", "curr_items", "bytes");
        assertThat(packets).allSatisfy(p -> assertThat(p.opcode()).isEqualTo(STAT));
      }
    }
  }

  private static List<String> run(int port, List<Step> steps) throws IOException {
    List<String> lines = new ArrayList<>();
    long lastCas = 0;
    try (BinaryConnection connection = BinaryConnection.open(port)) {
      for (Step step : steps) {
        BinaryConnection.Reply reply = connection.exchange(step.bytes(lastCas));
        lines.addAll(reply.describe());
        for (BinaryConnection.Packet packet : reply.packets()) {
          lastCas = packet.cas() != 0 ? packet.cas() : lastCas;
        }
        if (reply.closed()) {
          break;
        }
      }
    }
    return lines;
  }

  private static byte[] packet(int opcode, byte[] extras, String key, String value, long cas) {
    return BinaryConnection.request(opcode, extras, key, value, 0x1000 + opcode, cas);
  }

  private static byte[] packet(int opcode, String key, String value) {
    return packet(opcode, new byte[0], key, value, 0);
  }

  private static byte[] storage(int opcode, String key, int flags, int exptime, String value) {
    return packet(opcode, ByteBuffer.allocate(8).putInt(flags).putInt(exptime).array(), key, value, 0);
  }

  private static byte[] arithmetic(int opcode, String key, long delta, long initial, long expiration) {
    return packet(opcode, ByteBuffer.allocate(20).putLong(delta).putLong(initial).putInt((int) expiration).array(),
        key, "", 0);
  }

  private static byte[] touch(int opcode, String key, int exptime) {
    return packet(opcode, ByteBuffer.allocate(4).putInt(exptime).array(), key, "", 0);
  }

  /** Steps that do not depend on a CAS unique. */
  private static List<Step> fixed(byte[]... writes) {
    return Arrays.stream(writes).map(bytes -> (Step) cas -> bytes).toList();
  }

  private static Arguments test(String name, List<Step> steps) {
    return Arguments.of(name, steps);
  }

  private static Arguments test(String name, byte[]... writes) {
    return test(name, fixed(writes));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        test("noop", packet(NOOP, "", "")),
        test("version", packet(VERSION, "", "")),
        test("get miss", packet(GET, "b1", "")),
        test("getk miss", packet(GETK, "b2", "")),
        test("getq and getkq misses are silent", concat(packet(GETQ, "b3", ""), packet(GETKQ, "b3", ""), packet(NOOP, "", ""))),
        test("set then get, getk, getq, getkq", storage(SET, "b4", 0xCAFE, 0, "hello"),
            concat(packet(GET, "b4", ""), packet(GETK, "b4", ""), packet(GETQ, "b4", ""), packet(GETKQ, "b4", ""))),
        test("a quiet multi-get: getkq and getq hits in order, misses silent, then noop",
            storage(SET, "b40", 1, 0, "forty"), storage(SET, "b41", 2, 0, "forty-one"),
            concat(packet(GETKQ, "b40", ""), packet(GETQ, "b42", ""), packet(GETQ, "b41", ""), packet(GETKQ, "b42", ""),
                packet(GETKQ, "b41", ""), packet(GETQ, "b40", ""), packet(NOOP, "", ""))),
        test("pipelined gets and getks, hits and misses, in one write",
            storage(SET, "b43", 3, 0, "forty-three"),
            concat(packet(GET, "b43", ""), packet(GET, "b44", ""), packet(GETK, "b44", ""), packet(GETK, "b43", ""),
                packet(GETQ, "b44", ""), packet(GET, "b43", ""))),
        test("setq is silent", concat(storage(SETQ, "b5", 1, 0, "a"), packet(GET, "b5", ""))),
        test("empty value", storage(SET, "b6", 0, 0, ""), packet(GET, "b6", "")),
        test("add", storage(ADD, "b7", 0, 0, "a"), storage(ADD, "b7", 0, 0, "b"), storage(ADDQ, "b7", 0, 0, "c"),
            packet(GET, "b7", "")),
        test("replace", storage(REPLACE, "b8", 0, 0, "a"), storage(SET, "b8", 0, 0, "a"),
            storage(REPLACE, "b8", 3, 0, "b"), packet(GET, "b8", "")),
        test("set with the right cas", List.of(cas -> storage(SET, "b9", 0, 0, "a"),
            cas -> packet(SET, ByteBuffer.allocate(8).array(), "b9", "b", cas), cas -> packet(GET, "b9", ""))),
        test("set with a wrong cas", storage(SET, "b10", 0, 0, "a"),
            packet(SET, ByteBuffer.allocate(8).array(), "b10", "b", 1), packet(GET, "b10", "")),
        test("set with a cas on a miss", packet(SET, ByteBuffer.allocate(8).array(), "b11", "b", 1)),
        test("add with a cas is a cas", storage(SET, "b12", 0, 0, "a"),
            packet(ADD, ByteBuffer.allocate(8).array(), "b12", "b", 1),
            packet(ADD, ByteBuffer.allocate(8).array(), "b12x", "b", 1)),
        test("append and prepend keep the flags", storage(SET, "b13", 7, 0, "b"), packet(APPEND, "b13", "c"),
            packet(PREPEND, "b13", "a"), packet(APPENDQ, "b13", "d"), packet(GET, "b13", "")),
        test("append on a miss", packet(APPEND, "b14", "c"), packet(APPENDQ, "b14", "c")),
        test("append with a wrong cas", storage(SET, "b15", 0, 0, "a"),
            packet(APPEND, new byte[0], "b15", "b", 1), packet(GET, "b15", "")),
        test("append with the right cas", List.of(cas -> storage(SET, "b16", 0, 0, "a"),
            cas -> packet(APPEND, new byte[0], "b16", "b", cas), cas -> packet(GET, "b16", ""))),
        test("delete", storage(SET, "b17", 0, 0, "a"), packet(DELETE, "b17", ""), packet(DELETE, "b17", ""),
            packet(GET, "b17", "")),
        test("deleteq", storage(SET, "b18", 0, 0, "a"), concat(packet(DELETEQ, "b18", ""), packet(DELETEQ, "b18", ""))),
        test("delete with a wrong cas", storage(SET, "b19", 0, 0, "a"),
            packet(DELETE, new byte[0], "b19", "", 1), packet(GET, "b19", "")),
        test("delete with the right cas", List.of(cas -> storage(SET, "b20", 0, 0, "a"),
            cas -> packet(DELETE, new byte[0], "b20", "", cas), cas -> packet(GET, "b20", ""))),
        test("incr and decr", storage(SET, "b21", 0, 0, "10"), arithmetic(INCREMENT, "b21", 5, 0, 0),
            arithmetic(DECREMENT, "b21", 3, 0, 0), arithmetic(DECREMENT, "b21", 100, 0, 0), packet(GET, "b21", "")),
        test("incr wraps", storage(SET, "b22", 0, 0, "18446744073709551615"), arithmetic(INCREMENT, "b22", 2, 0, 0)),
        test("incr on a miss creates the initial value", arithmetic(INCREMENT, "b23", 5, 42, 0),
            arithmetic(INCREMENT, "b23", 5, 42, 0), packet(GET, "b23", "")),
        test("incr on a miss without creating", arithmetic(INCREMENT, "b24", 5, 42, NO_CREATE),
            arithmetic(DECREMENT, "b24", 5, 42, NO_CREATE)),
        test("incrq is silent on success", concat(arithmetic(INCREMENTQ, "b25", 1, 7, 0),
            arithmetic(INCREMENTQ, "b25", 1, 7, 0), arithmetic(INCREMENTQ, "b25x", 1, 7, NO_CREATE)),
            packet(GET, "b25", "")),
        test("incr on a non-numeric value", storage(SET, "b26", 0, 0, "abc"), arithmetic(INCREMENT, "b26", 1, 0, 0)),
        test("incr with a wrong cas", storage(SET, "b27", 0, 0, "1"),
            packet(INCREMENT, ByteBuffer.allocate(20).putLong(1).array(), "b27", "", 1)),
        test("incr keeps the flags and pads a shorter number", storage(SET, "b28", 9, 0, "100"),
            arithmetic(DECREMENT, "b28", 1, 0, 0), packet(GET, "b28", "")),
        test("touch, gat, gatk", storage(SET, "b29", 4, 0, "v"), touch(TOUCH, "b29", 100), touch(GAT, "b29", 100),
            touch(GATK, "b29", 100)),
        test("touch misses", touch(TOUCH, "b30", 10), touch(GAT, "b30", 10), touch(GATK, "b30", 10)),
        test("gatq and gatkq", storage(SET, "b31", 0, 0, "v"),
            concat(touch(GATQ, "b31", 10), touch(GATKQ, "b31", 10), touch(GATQ, "b31x", 10),
                touch(GATKQ, "b31x", 10))),
        test("touch with a negative exptime expires", storage(SET, "b32", 0, 0, "v"), touch(TOUCH, "b32", -1),
            packet(GET, "b32", "")),
        test("flush", storage(SET, "b33", 0, 0, "v"), packet(FLUSH, "", ""), packet(GET, "b33", ""),
            storage(SET, "b33", 0, 0, "w"), packet(GET, "b33", "")),
        test("flushq and a delayed flush", storage(SET, "b34", 0, 0, "v"),
            concat(packet(FLUSHQ, "", ""), packet(GET, "b34", "")), storage(SET, "b34", 0, 0, "w"),
            packet(FLUSH, ByteBuffer.allocate(4).putInt(100).array(), "", "", 0), packet(GET, "b34", "")),
        test("long values set, appended and prepended", storage(SET, "lv4", 5, 0, "v".repeat(102400)),
            concat(packet(APPEND, "lv4", "a".repeat(60000)), packet(PREPEND, "lv4", "p".repeat(70000)),
                packet(GET, "lv4", ""))),
        test("value over 1 MB removes the old item", storage(SET, "b35", 0, 0, "a"),
            storage(SET, "b35", 0, 0, MB_PLUS_ONE), packet(GET, "b35", "")),
        test("add of a value over 1 MB keeps the old item", storage(SET, "b36", 0, 0, "a"),
            storage(ADD, "b36", 0, 0, MB_PLUS_ONE), packet(GET, "b36", "")),
        test("quit answers and closes", concat(packet(QUIT, "", ""), packet(GET, "b37", ""))),
        test("quitq closes silently", concat(packet(QUITQ, "", ""), packet(GET, "b38", ""))),
        // memcached drops the body of an unknown command after its key and extras, so one with a key or
        // extras desynchronises it; Larder drops the body only. These have neither.
        test("unknown opcode", concat(packet(0x50, "", "body"), packet(GET, "b39", ""))),
        test("verbosity is unknown to 1.6.18", packet(0x1b, "", "")),
        test("sasl is not offered", packet(SASL_LIST_MECHS, "", ""), packet(SASL_AUTH, "PLAIN", "\0u\0p")),
        test("get with extras closes", concat(packet(GET, ByteBuffer.allocate(4).array(), "b40", "", 0),
            packet(NOOP, "", ""))),
        test("set without extras closes", packet(SET, "b41", "v")),
        test("key over 250 bytes closes", packet(GET, "k".repeat(251), "")),
        test("noop with a body closes", packet(NOOP, "", "x")),
        test("stat of an unknown group", packet(STAT, "bogus", "")),
        test("stat reset and detail", packet(STAT, "reset", ""), packet(STAT, "detail on", ""),
            packet(STAT, "detail off", ""), packet(STAT, "detail bogus", "")),
        // The first byte picks the protocol, so the wrong magic comes second.
        test("a wrong magic byte closes silently", packet(NOOP, "", ""), new byte[] {(byte) 0x81, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  }
}
