package dev.larder.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, in whatever pieces, the decoder neither fails nor depends on the pieces. */
class TextRequestDecoderRobustnessTest {

  @Property(tries = 500)
  void anyBytesInAnyPiecesDecodeTheSame(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 10) Integer> pieces, @ForAll("seed") long seed) {
    byte[] wire = randomWire(pieces, seed);
    List<TextRequest> whole = decode(wire, wire.length + 1);
    List<TextRequest> bytewise = decode(wire, 1);
    assertThat(bytewise).usingRecursiveFieldByFieldElementComparator().isEqualTo(whole);
  }

  /**
   * {@code get <key>} has a one-pass reading; an extra space sends the same line through the general
   * rules, which must agree for any key bytes (NULs, tabs, '\r', over-long keys included).
   */
  @Property(tries = 1000)
  void singleKeyGetReadsAsTheGeneralRulesDo(@ForAll @Size(max = 260) byte[] key) {
    String keyText = new String(key, StandardCharsets.ISO_8859_1);
    byte[] fast = DecoderHarness.bytes("get " + keyText + "\r\n");
    byte[] general = DecoderHarness.bytes("get  " + keyText + "\r\n");
    assertThat(DecoderHarness.decodeAll(fast)).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(DecoderHarness.decodeAll(general));
  }

  @Provide
  Arbitrary<Long> seed() {
    return Arbitraries.longs();
  }

  /** Mixes protocol fragments so that lines, numbers and data blocks meet in odd ways. */
  private static byte[] randomWire(List<Integer> pieces, long seed) {
    String[] fragments = {"get a ", "set k 0 0 2", "\r\n", "\n", " ", "xy", "noreply", "-1", "\0", "ms k 2 T",
        "mg a v k"};
    Random random = new Random(seed);
    StringBuilder wire = new StringBuilder();
    for (int piece : pieces) {
      wire.append(fragments[piece]);
      if (random.nextInt(50) == 0) {
        wire.append((char) random.nextInt(256));
      }
    }
    return DecoderHarness.bytes(wire.toString());
  }

  private static List<TextRequest> decode(byte[] wire, int chunk) {
    TextRequestDecoder decoder = new TextRequestDecoder(4);
    ByteBuf in = Unpooled.buffer();
    List<TextRequest> requests = new ArrayList<>();
    for (int from = 0; from < wire.length; from += chunk) {
      in.writeBytes(wire, from, Math.min(chunk, wire.length - from));
      if (DecoderHarness.drain(decoder, in, requests)) {
        break;
      }
    }
    return requests;
  }
}
