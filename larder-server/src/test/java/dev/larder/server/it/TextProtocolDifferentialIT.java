package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends the same text-protocol bytes to memcached 1.6.18 and to Larder and requires the same reply
 * bytes (CAS uniques masked, see {@link CasScript}). Each case runs on a fresh connection to each
 * server, with keys no other case uses. Both servers live for the whole class and see the cases in
 * the same order, so a {@code flush_all} in one case cannot make the two differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextProtocolDifferentialIT {
  private static final String MB_PLUS_ONE = "x".repeat(1024 * 1024 + 1);

  @RegisterExtension
  static final SideBySideServers servers = new SideBySideServers();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void repliesLikeMemcached(String name, String script) throws IOException {
    TextConnection.Reply expected = run(servers.memcached().port(), script);
    TextConnection.Reply actual = run(servers.larder().port(), script);

    assertThat(actual.printable())
        .as("reply to %s", TextConnection.printable(script))
        .isEqualTo(expected.printable());
  }

  private static TextConnection.Reply run(int port, String script) throws IOException {
    try (TextConnection connection = TextConnection.open(port)) {
      return CasScript.run(connection, script);
    }
  }

  /** A key of exactly {@code length} bytes that starts with {@code prefix}. */
  private static String key(String prefix, int length) {
    return prefix + "x".repeat(length - prefix.length());
  }

  private static Arguments test(String name, String script) {
    return Arguments.of(name, script);
  }

  static Stream<Arguments> cases() {
    String k250get = key("get250", 250);
    String k250del = key("del250", 250);
    String k250inc = key("inc250", 250);
    String k250tch = key("tch250", 250);
    String k251 = key("k251", 251);
    StringBuilder manyKeys = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      manyKeys.append(" mkey").append(i);
    }
    return Stream.of(
        // storage commands
        test("set then get", "set st1 0 0 5\r\nhello\r\nget st1\r\n"),
        test("set overwrites value and flags", "set st2 1 0 1\r\na\r\nset st2 2 0 2\r\nbb\r\nget st2\r\n"),
        test("set with flags 2^32-1", "set st3 4294967295 0 1\r\nx\r\nget st3\r\n"),
        test("set empty value", "set st4 0 0 0\r\n\r\nget st4\r\n"),
        test("value holding protocol lines", "set st5 0 0 11\r\nEND\r\nSTORED\r\nget st5\r\n"),
        test("value holding any byte", "set st6 0 0 4\r\n\u0000\u00ff\r\u0080\r\nget st6\r\n"),
        test("100 KB value", "set st7 0 0 102400\r\n" + "v".repeat(102400) + "\r\nget st7\r\n"),
        test("add miss stores", "add ad1 0 0 1\r\na\r\nget ad1\r\n"),
        test("add hit is NOT_STORED", "set ad2 0 0 1\r\na\r\nadd ad2 5 0 1\r\nb\r\nget ad2\r\n"),
        test("replace miss is NOT_STORED", "replace rp1 0 0 1\r\na\r\nget rp1\r\n"),
        test("replace hit", "set rp2 0 0 1\r\na\r\nreplace rp2 3 0 1\r\nb\r\nget rp2\r\n"),
        test("append miss is NOT_STORED", "append ap1 0 0 1\r\na\r\nget ap1\r\n"),
        test("append keeps flags", "set ap2 42 0 2\r\nab\r\nappend ap2 7 0 2\r\ncd\r\nget ap2\r\n"),
        test("prepend miss is NOT_STORED", "prepend pp1 0 0 1\r\na\r\nget pp1\r\n"),
        test("prepend keeps flags", "set pp2 42 0 2\r\nab\r\nprepend pp2 7 0 2\r\ncd\r\nget pp2\r\n"),
        test("cas miss is NOT_FOUND", "cas cs1 0 0 1 12345\r\na\r\nget cs1\r\n"),
        test("cas hit", "set cs2 0 0 1\r\na\r\ngets cs2\r\ncas cs2 5 0 1 {cas}\r\nb\r\ngets cs2\r\n"),
        test("cas after a set is EXISTS",
            "set cs3 0 0 1\r\na\r\ngets cs3\r\nset cs3 0 0 1\r\nb\r\ncas cs3 0 0 1 {cas}\r\nc\r\nget cs3\r\n"),
        test("cas after delete is NOT_FOUND",
            "set cs4 0 0 1\r\na\r\ngets cs4\r\ndelete cs4\r\ncas cs4 0 0 1 {cas}\r\nc\r\nget cs4\r\n"),
        test("cas twice with one unique", "set cs5 0 0 1\r\na\r\ngets cs5\r\n"
            + "cas cs5 0 0 1 {cas}\r\nb\r\ncas cs5 0 0 1 {cas}\r\nc\r\nget cs5\r\n"),
        test("cas with non-numeric unique", "cas cs6 0 0 1 abc\r\na\r\n"),
        test("set with too many tokens", "set tm1 0 0 1 noreply extra\r\na\r\nget tm1\r\n"),
        test("set with too few tokens", "set tm2 0 0\r\na\r\n"),
        // retrieval
        test("get miss", "get nope1\r\n"),
        test("multi-get with a missing key", "set mg1 0 0 1\r\na\r\nset mg3 3 0 1\r\nc\r\nget mg1 mg2 mg3\r\n"),
        test("gets several keys", "set mg4 0 0 1\r\na\r\nset mg5 0 0 1\r\nb\r\ngets mg4 mg5 mg6\r\n"),
        test("get one key twice", "set mg7 0 0 1\r\na\r\nget mg7 mg7\r\n"),
        test("get without a key", "get\r\n"),
        test("multi-get line over 2048 bytes", "set mkey7 0 0 1\r\na\r\nget" + manyKeys + "\r\n"),
        // noreply
        test("set noreply", "set nr1 0 0 1 noreply\r\na\r\nget nr1\r\n"),
        test("add noreply hit and miss", "add nr2 0 0 1 noreply\r\na\r\nadd nr2 0 0 1 noreply\r\nb\r\nget nr2\r\n"),
        test("replace noreply", "replace nr3 0 0 1 noreply\r\na\r\nset nr3 0 0 1\r\na\r\n"
            + "replace nr3 0 0 1 noreply\r\nb\r\nget nr3\r\n"),
        test("append noreply", "set nr4 0 0 1\r\na\r\nappend nr4 0 0 1 noreply\r\nb\r\nget nr4\r\n"),
        test("prepend noreply", "set nr5 0 0 1\r\na\r\nprepend nr5 0 0 1 noreply\r\nb\r\nget nr5\r\n"),
        test("cas noreply", "set nr6 0 0 1\r\na\r\ngets nr6\r\ncas nr6 0 0 1 {cas} noreply\r\nb\r\n"
            + "cas nr6 0 0 1 {cas} noreply\r\nc\r\nget nr6\r\n"),
        test("delete noreply", "set nr7 0 0 1\r\na\r\ndelete nr7 noreply\r\ndelete nr7 noreply\r\nget nr7\r\n"),
        test("delete 0 noreply", "set nr8 0 0 1\r\na\r\ndelete nr8 0 noreply\r\nget nr8\r\n"),
        test("incr and decr noreply", "set nr9 0 0 2\r\n10\r\nincr nr9 5 noreply\r\ndecr nr9 2 noreply\r\n"
            + "incr nr9x 1 noreply\r\nget nr9\r\n"),
        test("touch noreply", "set nr10 0 0 1\r\na\r\ntouch nr10 100 noreply\r\n"
            + "touch nr10x 100 noreply\r\nget nr10\r\n"),
        test("verbosity noreply", "verbosity 0 noreply\r\n"),
        test("errors under noreply", "set nr11 0 0 1 noreply\r\nab\r\nincr nr11 abc noreply\r\n"
            + "set nr11 abc 0 1 noreply\r\na\r\n"),
        // delete
        test("delete hit then miss", "set dl1 0 0 1\r\na\r\ndelete dl1\r\ndelete dl1\r\nget dl1\r\n"),
        test("delete with 0", "set dl2 0 0 1\r\na\r\ndelete dl2 0\r\nget dl2\r\n"),
        test("delete with 5 is refused", "set dl3 0 0 1\r\na\r\ndelete dl3 5\r\nget dl3\r\n"),
        test("delete without a key", "delete\r\n"),
        // incr and decr
        test("incr hit and miss", "set ic1 0 0 1\r\n5\r\nincr ic1 10\r\nincr ic1x 1\r\nget ic1\r\n"),
        test("decr hit and miss", "set ic2 0 0 2\r\n15\r\ndecr ic2 10\r\ndecr ic2x 1\r\nget ic2\r\n"),
        test("incr wraps at 2^64-1", "set ic3 0 0 20\r\n18446744073709551615\r\nincr ic3 1\r\nget ic3\r\n"),
        test("incr by 2^64-1", "set ic4 0 0 1\r\n2\r\nincr ic4 18446744073709551615\r\n"),
        test("decr floors at 0", "set ic5 0 0 1\r\n5\r\ndecr ic5 10\r\nget ic5\r\n"),
        test("decr shortens value with space padding", "set ic6 0 0 3\r\n100\r\ndecr ic6 1\r\nget ic6\r\n"
            + "incr ic6 1\r\nget ic6\r\n"),
        test("incr lengthens value", "set ic7 0 0 2\r\n99\r\nincr ic7 1\r\nget ic7\r\n"),
        test("incr keeps flags", "set ic8 17 0 1\r\n1\r\nincr ic8 1\r\nget ic8\r\n"),
        test("incr non-numeric value", "set ic9 0 0 3\r\nabc\r\nincr ic9 1\r\ndecr ic9 1\r\n"),
        test("incr value over 2^64-1", "set ic10 0 0 20\r\n18446744073709551616\r\nincr ic10 1\r\n"),
        test("incr bad delta", "set ic11 0 0 1\r\n1\r\nincr ic11 abc\r\ndecr ic11 -1\r\n"
            + "incr ic11 18446744073709551616\r\nget ic11\r\n"),
        test("incr without delta", "incr ic12\r\n"),
        test("cas changes on incr",
            "set ic13 0 0 1\r\n1\r\ngets ic13\r\nincr ic13 1\r\ncas ic13 0 0 1 {cas}\r\n5\r\n"),
        // touch and gat
        test("touch hit and miss", "set tc1 0 0 1\r\na\r\ntouch tc1 100\r\ntouch tc1x 100\r\nget tc1\r\n"),
        test("touch with negative exptime expires", "set tc2 0 0 1\r\na\r\ntouch tc2 -1\r\nget tc2\r\n"),
        test("touch bad exptime", "set tc3 0 0 1\r\na\r\ntouch tc3 abc\r\n"),
        test("gat hit and miss", "set tc4 5 0 1\r\na\r\ngat 100 tc4 tc4x\r\nget tc4\r\n"),
        test("gats", "set tc5 5 0 1\r\na\r\ngats 100 tc5 tc5x\r\n"),
        test("gat with negative exptime expires", "set tc6 0 0 1\r\na\r\ngat -1 tc6\r\nget tc6\r\n"),
        test("gat bad exptime", "gat abc tc7\r\n"),
        test("gat without a key", "gat 10\r\n"),
        // expiry
        test("negative exptime is expired at once", "set ex1 0 -1 1\r\na\r\nget ex1\r\n"),
        test("exptime of 30 days is relative", "set ex2 0 2592000 1\r\na\r\nget ex2\r\n"),
        test("exptime past 30 days is absolute, in 1970", "set ex3 0 2592001 1\r\na\r\nget ex3\r\n"),
        test("exptime far in the future", "set ex4 0 2000000000 1\r\na\r\nget ex4\r\n"),
        test("add over an expired item", "set ex5 0 -1 1\r\na\r\nadd ex5 0 0 1\r\nb\r\nget ex5\r\n"),
        // key length
        test("250-byte key set and get", "set " + k250get + " 0 0 1\r\na\r\nget " + k250get + "\r\n"),
        test("250-byte key delete", "set " + k250del + " 0 0 1\r\na\r\ndelete " + k250del + "\r\n"),
        test("250-byte key incr", "set " + k250inc + " 0 0 1\r\n1\r\nincr " + k250inc + " 1\r\n"),
        test("250-byte key touch", "set " + k250tch + " 0 0 1\r\na\r\ntouch " + k250tch + " 10\r\n"),
        test("251-byte key set", "set " + k251 + " 0 0 1\r\na\r\n"),
        test("251-byte key get", "get " + k251 + "\r\n"),
        test("251-byte key in a multi-get", "set kl1 0 0 1\r\na\r\nget kl1 " + k251 + " kl1\r\n"),
        test("251-byte key delete", "delete " + k251 + "\r\n"),
        test("251-byte key incr", "incr " + k251 + " 1\r\n"),
        test("251-byte key touch", "touch " + k251 + " 10\r\n"),
        // flush_all
        test("flush_all", "set fl1 0 0 1\r\na\r\nflush_all\r\nget fl1\r\nset fl1 0 0 1\r\nb\r\nget fl1\r\n"),
        test("flush_all 0", "set fl2 0 0 1\r\na\r\nflush_all 0\r\nget fl2\r\n"),
        test("flush_all noreply", "set fl3 0 0 1\r\na\r\nflush_all noreply\r\nget fl3\r\n"),
        test("flush_all bad delay", "flush_all abc\r\n"),
        // bad numbers and bad data
        test("negative length", "set bn1 0 0 -1\r\na\r\nget bn1\r\n"),
        test("non-numeric flags", "set bn2 abc 0 1\r\na\r\nget bn2\r\n"),
        test("non-numeric exptime", "set bn3 0 abc 1\r\na\r\nget bn3\r\n"),
        test("non-numeric length", "set bn4 0 0 abc\r\na\r\nget bn4\r\n"),
        test("flags 2^32", "set bn5 4294967296 0 1\r\na\r\nget bn5\r\n"),
        test("length just under 2^31", "set bn6 0 0 2147483647\r\nget bn6\r\n"),
        test("length over 2^64", "set bn7 0 0 99999999999999999999\r\nget bn7\r\n"),
        test("bad data chunk", "set bd1 0 0 1\r\nxy\r\nget bd1\r\n"),
        test("bad data chunk of a long value", "set lv1 0 0 102400\r\n" + "v".repeat(102400) + "xyget lv1\r\n"),
        test("long values appended and prepended", "set lv2 3 0 1\r\nm\r\nappend lv2 0 0 60000\r\n"
            + "a".repeat(60000) + "\r\nprepend lv2 0 0 70000 noreply\r\n" + "p".repeat(70000) + "\r\nget lv2\r\n"),
        test("bad data chunk replaces nothing", "set bd2 0 0 1\r\na\r\nset bd2 0 0 1\r\nxy\r\nget bd2\r\n"),
        test("value over 1 MB is swallowed", "set tl1 0 0 " + MB_PLUS_ONE.length() + "\r\n" + MB_PLUS_ONE
            + "\r\nget tl1\r\n"),
        test("value over 1 MB removes the old item", "set tl2 0 0 1\r\na\r\nset tl2 0 0 " + MB_PLUS_ONE.length()
            + "\r\n" + MB_PLUS_ONE + "\r\nget tl2\r\n"),
        test("value over 1 MB with noreply", "set tl3 0 0 " + MB_PLUS_ONE.length() + " noreply\r\n" + MB_PLUS_ONE
            + "\r\nget tl3\r\n"),
        // framing and other commands
        test("unknown command", "bogus\r\n"),
        test("unknown command with arguments", "bogus a b c\r\n"),
        test("empty line", "\r\n"),
        test("blank line of spaces", "   \r\n"),
        test("bare LF line ends", "set lf1 0 0 1\na\r\nget lf1\ndelete lf1\nget lf1\n"),
        test("leading and doubled spaces", "set  sp1  0  0  1\r\na\r\n get sp1 \r\n"),
        test("pipelined commands in one write", "set pl1 0 0 1\r\na\r\nset pl2 0 0 1\r\nb\r\nget pl1 pl2\r\n"
            + "incr pl3 1\r\ndelete pl1\r\nget pl1\r\nappend pl2 0 0 1\r\nc\r\ngets pl2\r\n"),
        test("verbosity", "verbosity 1\r\nverbosity 0\r\n"),
        test("verbosity without a level", "verbosity\r\n"),
        test("verbosity non-numeric", "verbosity abc\r\n"),
        test("cache_memlimit", "cache_memlimit 64\r\n"),
        test("cache_memlimit too small", "cache_memlimit 0\r\n"),
        test("cache_memlimit non-numeric", "cache_memlimit abc\r\n"),
        test("shutdown without -A", "shutdown\r\n"),
        test("shutdown graceful without -A", "shutdown graceful\r\n"),
        test("stats reset", "stats reset\r\n"),
        test("stats unknown group", "stats bogus\r\n"),
        test("quit", "set qt1 0 0 1\r\na\r\nquit\r\nget qt1\r\n"),
        test("line over 2048 bytes without LF closes", "set " + "k".repeat(3000)),
        test("HTTP request closes", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  }
}
