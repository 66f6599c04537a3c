package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends the same meta-protocol bytes to memcached 1.6.18 and to Larder and requires the same reply
 * bytes, with three normalisations: CAS uniques are masked ({@link CasScript}); {@code me}'s {@code
 * cls} and {@code size}, which describe each server's own memory layout, are masked; and a clock
 * reading ({@code t}, {@code l}, {@code exp=}, {@code la=}) may be one second apart, since each server
 * ticks its second at its own moment. Each case runs on a fresh connection to each server, with keys
 * no other case uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaProtocolDifferentialIT {
  private static final String MB_PLUS_ONE = "x".repeat(1024 * 1024 + 1);
  private static final Pattern LAYOUT = Pattern.compile("cls=\\d+ size=\\d+");
  private static final Pattern CLOCK_READING = Pattern.compile("(?<=[ ])(t|l|exp=|la=)(-?\\d+)(?=[ \r])");

  @RegisterExtension
  static final SideBySideServers servers = new SideBySideServers();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void repliesLikeMemcached(String name, String script) throws IOException {
    String expected = normalise(run(servers.memcached().port(), script));
    String actual = alignClockReadings(expected, normalise(run(servers.larder().port(), script)));

    assertThat(TextConnection.printable(actual))
        .as("reply to %s", TextConnection.printable(script))
        .isEqualTo(TextConnection.printable(expected));
  }

  @Test
  void clockReadingsOneSecondApartAreAlignedAndOthersAreNot() {
    assertThat(alignClockReadings("VA 1 t30 l0\r\n", "VA 1 t29 l1\r\n")).isEqualTo("VA 1 t30 l0\r\n");
    assertThat(alignClockReadings("VA 1 t30\r\n", "VA 1 t28\r\n")).isEqualTo("VA 1 t28\r\n");
    assertThat(alignClockReadings("ME k exp=-30 la=0\r\n", "ME k exp=-29 la=1\r\n"))
        .isEqualTo("ME k exp=-30 la=0\r\n");
  }

  private static String run(int port, String script) throws IOException {
    try (TextConnection connection = TextConnection.open(port)) {
      TextConnection.Reply reply = CasScript.run(connection, script);
      return reply.text() + (reply.closed() ? "<connection closed>" : "");
    }
  }

  private static String normalise(String reply) {
    return LAYOUT.matcher(reply).replaceAll("cls=<cls> size=<size>");
  }

  /**
   * {@code actual} with each clock reading that is at most one second from the same reading in
   * {@code expected} replaced by the expected one; readings are matched in order of appearance.
   */
  static String alignClockReadings(String expected, String actual) {
    Matcher want = CLOCK_READING.matcher(expected);
    Matcher got = CLOCK_READING.matcher(actual);
    StringBuilder aligned = new StringBuilder();
    while (got.find()) {
      String replacement = got.group();
      if (want.find() && want.group(1).equals(got.group(1))
          && Math.abs(Long.parseLong(want.group(2)) - Long.parseLong(got.group(2))) <= 1) {
        replacement = want.group();
      }
      got.appendReplacement(aligned, Matcher.quoteReplacement(replacement));
    }
    got.appendTail(aligned);
    return aligned.toString();
  }

  private static Arguments test(String name, String script) {
    return Arguments.of(name, script);
  }

  /** A key of exactly {@code length} bytes that starts with {@code prefix}. */
  private static String key(String prefix, int length) {
    return prefix + "x".repeat(length - prefix.length());
  }

  static Stream<Arguments> cases() {
    String manyFlags = " s t c f h l k v q u O1 Mx" + " P L D1 J1 F1";
    return Stream.of(
        // mg
        test("mg miss", "mg g1 v\r\n"),
        test("mg miss echoes opaque and key", "mg g2 v Oabc k s\r\n"),
        test("mg miss with q is silent", "mg g3 v q\r\nmg g3 q Oa k\r\nmn\r\n"),
        test("mg hit with every return flag", "ms g4 5 F7 T100\r\nhello\r\nmg g4 v s f t c k Oop h l\r\n"),
        test("mg hit without v", "ms g5 2\r\nhi\r\nmg g5 s\r\nmg g5\r\n"),
        test("mg hit with q is shown", "ms g6 2\r\nhi\r\nmg g6 q v k\r\nmn\r\n"),
        test("mg h shows a fetch before this one", "ms g7 1\r\na\r\nmg g7 h\r\nmg g7 h\r\nmg g7 h v\r\n"),
        test("mg u leaves no fetch behind", "ms g8 1\r\na\r\nmg g8 u h\r\nmg g8 h\r\nmg g8 h\r\n"),
        test("mg t without expiry is -1", "ms g9 1\r\na\r\nmg g9 t\r\n"),
        test("mg T touches, t before and after it", "ms g10 1 T100\r\na\r\nmg g10 t T30 t\r\nmg g10 t\r\n"),
        test("mg T-1 expires", "ms g11 1\r\na\r\nmg g11 T-1\r\nmg g11 v\r\n"),
        test("mg T0 makes it immortal", "ms g12 1 T100\r\na\r\nmg g12 T0 t\r\nmg g12 t\r\n"),
        test("mg flags 2^32-1", "ms g13 1 F4294967295\r\na\r\nmg g13 f v\r\n"),
        test("mg of an expired item", "ms g14 1 T-1\r\na\r\nmg g14 v\r\n"),
        test("mg after get marks fetched", "ms g15 1\r\na\r\nget g15\r\nmg g15 h\r\n"),
        test("mg of a text-protocol item", "set g16 5 0 3\r\nabc\r\nmg g16 v f s t\r\n"),
        test("mg with many flags", "ms g17 1\r\na\r\nmg g17 s t c f h l k v q u O1 P L\r\n"),
        test("mg with 19 tokens", "mg g18 s t c f h l k v q u O1 P L D1 J1 F1 MS\r\n"),
        test("mg with 20 tokens", "mg g19" + manyFlags + " I\r\n"),
        test("mg without a key", "mg\r\n"),
        test("mg with a 250-byte key", "ms " + key("g20", 250) + " 1\r\na\r\nmg " + key("g20", 250) + " v k\r\n"),
        test("mg with a 251-byte key", "mg " + key("g21", 251) + " v\r\n"),
        test("mg duplicate flag", "mg g22 v v\r\n"),
        test("mg unknown flag", "mg g23 v x\r\n"),
        test("mg E flag is unknown to 1.6.18", "mg g24 E5 v\r\n"),
        test("mg flag byte over 126", "mg g25 \u00ff\r\n"),
        test("mg bad T", "mg g26 Tabc\r\n"),
        test("mg bad N and R", "mg g27 N1x R\r\n"),
        test("mg opaque of 32 bytes", "mg g28 O" + "o".repeat(31) + "\r\n"),
        test("mg opaque of 33 bytes", "mg g29 O" + "o".repeat(32) + "\r\n"),
        // base64 keys
        test("base64 key stored and read", "ms Zm9vYmFy 2 b\r\nhi\r\nmg Zm9vYmFy b v k\r\nmg foobar v\r\n"),
        test("base64 key miss echoes it encoded", "mg YWJj b k v\r\n"),
        test("base64 key with padding", "ms YQ== 1 b k\r\nx\r\nmg a v\r\nmg YQ== b k s\r\n"),
        test("base64 key that does not decode", "mg !!!! b v\r\nmg YWJ b v\r\nmg ==== b\r\n"),
        test("base64 key with bytes outside the alphabet", "mg Y!Q== b k\r\nmg Y.W.J.j b k\r\n"),
        test("base64 binary key", "ms AAEC/w== 1 b\r\nz\r\nmg AAEC/w== b k v\r\nmd AAEC/w== b k\r\n"),
        // leases
        test("N vivifies a miss and hands out the win once",
            "mg l1 s c v N30 t\r\nmg l1 s c v N30 t\r\nms l1 3 T60\r\nnew\r\nmg l1 v t\r\n"),
        test("N on a hit changes nothing", "ms l2 1\r\na\r\nmg l2 N30 t v\r\n"),
        test("N with T: the later flag sets the expiry", "mg l3 N30 T60 t\r\nmg l3b T60 N30 t\r\n"),
        test("N with q on a miss is shown", "mg l4 N30 q\r\nmn\r\n"),
        test("R wins when less time is left", "ms l5 1 T10\r\na\r\nmg l5 R30 v t\r\nmg l5 R30 v t\r\nmg l5 R5 v\r\n"),
        test("R does not win with more time left", "ms l6 1 T100\r\na\r\nmg l6 R30 v\r\n"),
        test("R never wins on an immortal item", "ms l7 1\r\na\r\nmg l7 R30 v\r\n"),
        test("md I marks stale and hands out one win", "ms l8 1\r\na\r\nmd l8 I\r\nmg l8 v c\r\nmg l8 v c\r\n"),
        test("md I with T sets the expiry", "ms l9 1\r\na\r\nmd l9 I T30\r\nmg l9 t v\r\n"),
        test("md I twice clears the win", "ms l10 1\r\na\r\nmd l10 I\r\nmg l10\r\nmd l10 I\r\nmg l10\r\nmg l10\r\n"),
        test("a set clears the stale mark", "ms l11 1\r\na\r\nmd l11 I\r\nmg l11\r\nms l11 1\r\nb\r\nmg l11 v\r\n"),
        test("ms I with an older cas stores a stale value",
            "ms l12 1 c T100\r\na\r\nmd l12 I\r\nmg l12 v\r\nms l12 1 I C{cas}\r\nb\r\nmg l12 v t\r\n"),
        test("ms I with the current cas stores a fresh value",
            "ms l13 1\r\na\r\nmd l13 I\r\nmg l13 c\r\nms l13 1 I C{cas}\r\nb\r\nmg l13 v\r\n"),
        test("ms I with a newer cas is EX", "ms l14 1\r\na\r\nmd l14 I\r\nms l14 1 I C99999999999\r\nb\r\n"),
        test("ms I without C is a plain set", "ms l15 1\r\na\r\nmd l15 I\r\nms l15 1 I\r\nb\r\nmg l15 v\r\n"),
        test("stale win with W then Z through get", "ms l16 1\r\na\r\nmd l16 I q\r\nget l16\r\nmg l16 k\r\nmg l16 k\r\n"),
        // ms
        test("ms stores", "ms s1 5\r\nhello\r\nmg s1 v\r\nget s1\r\n"),
        test("ms of a long value, then its bad data chunk", "ms lv3 102400 F9\r\n" + "v".repeat(102400)
            + "\r\nmg lv3 f s v\r\nms lv3 102400 MA\r\n" + "w".repeat(102400) + "xymg lv3 s\r\n"),
        test("ms with c, k and O", "ms s2 1 c k Oxyz\r\na\r\nms s2 1 Oxyz k\r\nb\r\n"),
        test("ms empty value", "ms s3 0\r\n\r\nmg s3 v s\r\n"),
        test("ms value holding any byte", "ms s4 4\r\n\u0000\u00ff\r\u0080\r\nmg s4 v\r\n"),
        test("ms with q is silent on success only", "ms s5 1 q\r\na\r\nms s5 1 ME q c\r\nb\r\nmn\r\nmg s5 v\r\n"),
        test("ms ME adds", "ms s6 1 ME\r\na\r\nms s6 1 ME c\r\nb\r\nmg s6 v\r\n"),
        test("ms MA and MP join and keep flags", "ms s7 2 F3\r\nbc\r\nms s7 1 MA F9\r\nd\r\nms s7 1 MP\r\na\r\nmg s7 v f\r\n"),
        test("ms MA and MP on a miss", "ms s8 1 MA\r\na\r\nms s8 1 MP\r\na\r\nmg s8 v\r\n"),
        test("ms MR replaces", "ms s9 1 MR\r\na\r\nms s9 1\r\na\r\nms s9 1 MR\r\nb\r\nmg s9 v\r\n"),
        test("ms MS sets", "ms s10 1 MS\r\na\r\nmg s10 v\r\n"),
        test("ms lower-case mode is invalid", "ms s11 1 Ms\r\na\r\nmg s11 v\r\n"),
        test("ms unknown mode", "ms s12 1 MX\r\na\r\nmg s12 v\r\n"),
        test("ms M of the wrong length", "ms s13 1 MSS\r\na\r\nmg s13 v\r\n"),
        test("ms C matching, then stale", "ms s14 1 c\r\na\r\nms s14 1 C{cas}\r\nb\r\nms s14 1 C{cas}\r\nc\r\nmg s14 v\r\n"),
        test("ms C on a miss is NF", "ms s15 1 C12345\r\na\r\n"),
        test("ms C0 is EX", "ms s16 1\r\na\r\nms s16 1 C0\r\nb\r\n"),
        test("ms MR with C is a cas", "ms s17 1 c\r\na\r\nms s17 1 MR C1\r\nb\r\nms s17 1 MR C{cas}\r\nb\r\nmg s17 v\r\n"),
        test("ms MA with a wrong C is EX", "ms s18 1 c\r\na\r\nms s18 1 MA C1\r\nb\r\nms s18 1 MA C{cas}\r\nb\r\nmg s18 v\r\n"),
        test("ms ME with C ignores it", "ms s19 1 ME C5\r\na\r\nms s19 1 ME C5\r\nb\r\nmg s19 v\r\n"),
        test("ms T sets the expiry", "ms s20 1 T50\r\na\r\nmg s20 t\r\nms s20 1 T-1\r\na\r\nmg s20 v\r\n"),
        test("ms F sets flags", "ms s21 1 F123\r\na\r\nmg s21 f\r\nget s21\r\n"),
        test("ms bad F", "ms s22 1 Fx\r\na\r\nmg s22 v\r\n"),
        test("ms bad T", "ms s23 1 Tx\r\na\r\nmg s23 v\r\n"),
        test("ms bad C", "ms s24 1 Cx\r\na\r\n"),
        test("ms unknown flag swallows the data", "ms s25 2 x\r\nhi\r\nmg s25 v\r\n"),
        test("ms duplicate flag swallows the data", "ms s26 2 T1 T2\r\nhi\r\nmg s26 v\r\n"),
        test("ms opaque too long swallows the data", "ms s27 2 O" + "o".repeat(40) + "\r\nhi\r\nmg s27 v\r\n"),
        test("ms without a length", "ms s28\r\nmg s28 v\r\n"),
        test("ms with a bad length", "ms s29 abc\r\nhi\r\nmg s29 v\r\n"),
        test("ms with a negative length", "ms s30 -1\r\nhi\r\n"),
        test("ms bad data chunk", "ms s31 1\r\nab\r\nmg s31 v\r\n"),
        test("ms bad data chunk with q", "ms s32 1 q\r\nab\r\nmn\r\n"),
        test("ms value over 1 MB removes the old item", "ms s33 1\r\na\r\nms s33 " + MB_PLUS_ONE.length()
            + " q\r\n" + MB_PLUS_ONE + "\r\nmg s33 v\r\n"),
        test("ms value over 1 MB in add mode removes it too", "ms s34 1\r\na\r\nms s34 " + MB_PLUS_ONE.length()
            + " ME\r\n" + MB_PLUS_ONE + "\r\nmg s34 v\r\n"),
        test("ms with a 251-byte key", "ms " + key("s35", 251) + " 1\r\na\r\n"),
        test("ms base64 key with k", "ms czM2 1 b k c\r\na\r\nmg s36 v\r\n"),
        test("ms with too many flags", "ms s37 1 c k O1 q T1 F1 C1 MS I b s t f h l v u P L\r\na\r\n"),
        // md
        test("md hit then miss", "ms d1 1\r\na\r\nmd d1\r\nmd d1\r\nmg d1 v\r\n"),
        test("md with O and k", "ms d2 1\r\na\r\nmd d2 Oq k\r\nmd d2 k Oq\r\n"),
        test("md with q is silent on success only", "ms d3 1\r\na\r\nmd d3 q\r\nmd d3 q\r\nmn\r\n"),
        test("md with C", "ms d4 1 c\r\na\r\nmd d4 C1\r\nmd d4 C{cas}\r\nmg d4 v\r\n"),
        test("md with C0", "ms d5 1\r\na\r\nmd d5 C0\r\nmg d5 v\r\n"),
        test("md with T but no I changes nothing", "ms d6 1\r\na\r\nmd d6 T30\r\nmg d6 v\r\n"),
        test("md I with q", "ms d7 1\r\na\r\nmd d7 I q\r\nmn\r\nmg d7 v\r\n"),
        test("md I on a miss", "md d8 I\r\n"),
        test("md I with a wrong C", "ms d9 1\r\na\r\nmd d9 I C1\r\nmg d9 v\r\n"),
        test("md unknown flag", "md d10 x\r\n"),
        test("md duplicate flag", "md d11 q q\r\n"),
        test("md bad C", "md d12 Cx\r\n"),
        test("md without a key", "md\r\n"),
        test("md with a 251-byte key", "md " + key("d13", 251) + "\r\n"),
        test("md with too many flags", "md d14 q k O1 C1 I T1 b s t f h l v u P L F1 MS\r\n"),
        test("md base64 key", "ms ZDE1 1 b\r\na\r\nmd ZDE1 b k\r\nmg d15 v\r\n"),
        test("md opaque too long", "md d16 O" + "o".repeat(33) + "\r\n"),
        // ma
        test("ma miss", "ma a1\r\nma a1 v k Ox\r\n"),
        test("ma increments by one", "ms a2 1\r\n5\r\nma a2\r\nma a2 v\r\nmg a2 v\r\n"),
        test("ma with D and modes", "ms a3 2\r\n10\r\nma a3 D5 v\r\nma a3 MD D3 v\r\nma a3 M- v\r\nma a3 M+ v\r\n"
            + "ma a3 MI D2 v\r\n"),
        test("ma decrement floors at 0", "ms a4 1\r\n5\r\nma a4 MD D10 v\r\n"),
        test("ma increment wraps", "ms a5 20\r\n18446744073709551615\r\nma a5 v\r\n"),
        test("ma keeps the padding of a shorter number", "ms a6 3\r\n100\r\nma a6 MD v\r\nmg a6 v\r\nma a6 v\r\n"),
        test("ma N creates with J", "ma a7 N0 J13 v t\r\nma a7 v\r\nmg a7 v t\r\n"),
        test("ma N with a ttl", "ma a8 N100 v t\r\nmg a8 t\r\n"),
        test("ma N then t shows -1", "ma a9 t N100\r\nmg a9 t\r\n"),
        test("ma N created is shown with q", "ma a10 N0 q v\r\nma a10 q v\r\nmn\r\n"),
        test("ma T sets the expiry", "ms a11 1\r\n1\r\nma a11 T100 t\r\nma a11 t T50\r\nmg a11 t\r\n"),
        test("ma with c", "ms a12 1\r\n1\r\nma a12 c\r\nmg a12 c\r\n"),
        test("ma with C", "ms a13 1 c\r\n1\r\nma a13 C1 v\r\nma a13 C{cas} v\r\nmg a13 v\r\n"),
        test("ma on a non-numeric value", "ms a14 3\r\nabc\r\nma a14\r\nma a14 q\r\n"),
        test("ma on an empty value", "ms a15 0\r\n\r\nma a15 v\r\n"),
        test("ma on a number over 2^64-1", "ms a16 20\r\n18446744073709551616\r\nma a16\r\n"),
        test("ma unknown mode", "ma a17 MX\r\n"),
        test("ma bad D", "ma a18 Dx\r\n"),
        test("ma bad J", "ma a19 Jx N0\r\n"),
        test("ma D of 2^64-1", "ms a20 1\r\n2\r\nma a20 D18446744073709551615 v\r\n"),
        test("ma with q on a miss", "ma a21 q\r\nmn\r\n"),
        test("ma with k and a base64 key", "ms YTIy 1 b\r\n1\r\nma YTIy b k v\r\n"),
        test("ma without a key", "ma\r\n"),
        test("ma with too many flags", "ma a23 q k O1 C1 I T1 b s t f h l v u P L F1 MS\r\n"),
        // mn, me and framing
        test("mn", "mn\r\n"),
        test("mn with arguments", "mn a b c\r\n"),
        test("me hit", "ms e1 2 T100\r\nhi\r\nme e1\r\n"),
        test("me of a fetched item without expiry", "ms e2 2 F5\r\nhi\r\nmg e2 v\r\nme e2\r\nme e2\r\n"),
        test("me miss", "me e3\r\n"),
        // memcached marks an item stored with b and shows its key in base64 even to a reader without b;
        // Larder answers in the reader's encoding (README, "What the server speaks").
        test("me base64", "ms ZTQ= 2 b\r\nhi\r\nme ZTQ= b\r\n"),
        test("me with a third token that is not b", "ms e5 1\r\na\r\nme e5 x\r\n"),
        test("me without a key", "me\r\n"),
        test("me bad base64", "me !!!! b\r\n"),
        test("unknown meta command", "mz a\r\nmgg a\r\n"),
        test("pipelined quiet gets", "ms p1 1\r\na\r\nms p3 1\r\nc\r\nmg p1 q v k\r\nmg p2 q v k\r\nmg p3 q v k\r\nmn\r\n"),
        // mg lines that arrive together are looked up in one pass (a run): each must still be answered as if alone.
        test("a run of mg sees each other's leases", "mg r1 N30 v t\r\nmg r1 N30 v t\r\nmg r1 v\r\nmg r2 v q\r\n"
            + "mg r3 k O5\r\nmg r1 T0 t\r\nmg r1 t\r\nmn\r\n"),
        test("a run of mg on stale and recached items", "ms r4 1 T100\r\na\r\nms r5 1 T5\r\nb\r\nmd r4 I\r\n"
            + "mg r4 v c\r\nmg r4 v\r\nmg r5 R30 v\r\nmg r5 R30 v\r\nmg r5 u h l\r\nmg r5 h\r\n"),
        test("refused lines inside a run of mg", "ms r6 1\r\na\r\nmg r6 v\r\nmg r6 v v\r\nmg r6 s k\r\nmg\r\n"
            + "mg " + key("r7", 251) + "\r\nmg r6 x\r\nmg ZHI= b k v\r\nmg r6 O123 k q v\r\n"),
        test("a run of mg longer than a batch", "ms r8 1\r\na\r\n" + "mg r8 v k Oh\r\nmg r9 v k Om\r\n".repeat(20)
            + "mg r9 q\r\nmn\r\n"),
        test("meta and text on one connection", "set x1 0 0 1\r\na\r\nmg x1 v\r\nms x1 1\r\nb\r\nget x1\r\n"),
        test("bare LF line ends", "ms lf1 1\na\r\nmg lf1 v\nmn\n"));
  }
}
