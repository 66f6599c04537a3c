package dev.larder.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds wire bytes to a fresh decoder in every way a network could deliver them (all at once, one byte
 * at a time, and split in two at every position) and checks that each way yields the same requests
 * and leaves no bytes behind.
 */
final class DecoderHarness {
  static final int MAX_VALUE = 1024;

  private DecoderHarness() {}

  static byte[] bytes(String wire) {
    return wire.getBytes(StandardCharsets.ISO_8859_1);
  }

  static void assertDecodes(String wire, TextRequest... expected) {
    assertDecodes(bytes(wire), expected);
  }

  static void assertDecodes(byte[] wire, TextRequest... expected) {
    List<TextRequest> wanted = List.of(expected);
    assertSame(decodeInChunks(wire, wire.length), wanted, "all at once");
    assertSame(decodeInChunks(wire, 1), wanted, "one byte at a time");
    for (int split = 1; split < wire.length; split++) {
      assertSame(decodeSplitAt(wire, split), wanted, "split at " + split);
    }
  }

  /** Decodes what {@code wire} holds in one buffer and returns the requests; asserts nothing is left. */
  static List<TextRequest> decodeAll(byte[] wire) {
    return decodeInChunks(wire, Math.max(1, wire.length));
  }

  private static void assertSame(List<TextRequest> actual, List<TextRequest> expected, String how) {
    assertThat(actual).as(how).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as(how + ", request " + i).usingRecursiveComparison().isEqualTo(expected.get(i));
    }
  }

  private static List<TextRequest> decodeInChunks(byte[] wire, int chunk) {
    TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
    ByteBuf in = Unpooled.buffer();
    List<TextRequest> requests = new ArrayList<>();
    for (int from = 0; from < wire.length; from += chunk) {
      in.writeBytes(wire, from, Math.min(chunk, wire.length - from));
      if (drain(decoder, in, requests)) {
        break;
      }
    }
    assertThat(in.readableBytes()).as("leftover bytes").isZero();
    return requests;
  }

  private static List<TextRequest> decodeSplitAt(byte[] wire, int split) {
    TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
    ByteBuf in = Unpooled.buffer();
    List<TextRequest> requests = new ArrayList<>();
    in.writeBytes(wire, 0, split);
    if (!drain(decoder, in, requests)) {
      in.writeBytes(wire, split, wire.length - split);
      drain(decoder, in, requests);
    }
    assertThat(in.readableBytes()).as("leftover bytes").isZero();
    return requests;
  }

  /**
   * What the transport does: decode until the decoder needs more bytes. Returns true after a {@link
   * TextRequest.Close}, when the transport stops reading.
   */
  static boolean drain(TextRequestDecoder decoder, ByteBuf in, List<TextRequest> requests) {
    TextRequest request;
    while ((request = decoder.decode(in)) != null) {
      requests.add(request);
      if (request instanceof TextRequest.Close) {
        return true;
      }
    }
    return false;
  }
}
