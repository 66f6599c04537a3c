package dev.larder.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Feeds wire bytes to a fresh decoder in every way a network could deliver them (all at once, one byte
 * at a time, and split in two at every position) and checks that each way yields the same messages
 * and leaves no bytes behind. Serves both directions: requests ({@link TextRequestDecoder}) and
 * replies ({@link TextResponseDecoder}).
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
    assertEveryWay(wire, DecoderHarness::requestDecoder, TextRequest.Close.class::isInstance, List.of(expected));
  }

  /** The same for replies: {@code wire} as a server sends it decodes to {@code expected} every way. */
  static void assertRepliesDecode(String wire, TextResponse... expected) {
    assertEveryWay(bytes(wire), DecoderHarness::responseDecoder, response -> false, List.of(expected));
  }

  /** Decodes what {@code wire} holds in one buffer and returns the requests; asserts nothing is left. */
  static List<TextRequest> decodeAll(byte[] wire) {
    return decodeInChunks(
        wire, Math.max(1, wire.length), DecoderHarness::requestDecoder, TextRequest.Close.class::isInstance);
  }

  /**
   * What the transport does: decode until the decoder needs more bytes. Returns true after a {@link
   * TextRequest.Close}, when the transport stops reading.
   */
  static boolean drain(TextRequestDecoder decoder, ByteBuf in, List<TextRequest> requests) {
    return drain(decoder::decode, in, requests, TextRequest.Close.class::isInstance);
  }

  private static Function<ByteBuf, TextRequest> requestDecoder() {
    return new TextRequestDecoder(MAX_VALUE)::decode;
  }

  private static Function<ByteBuf, TextResponse> responseDecoder() {
    return new TextResponseDecoder(MAX_VALUE)::decode;
  }

  private static <T> void assertEveryWay(
      byte[] wire, Supplier<Function<ByteBuf, T>> fresh, Predicate<T> stop, List<T> expected) {
    assertSame(decodeInChunks(wire, wire.length, fresh, stop), expected, "all at once");
    assertSame(decodeInChunks(wire, 1, fresh, stop), expected, "one byte at a time");
    for (int split = 1; split < wire.length; split++) {
      assertSame(decodeSplitAt(wire, split, fresh, stop), expected, "split at " + split);
    }
  }

  private static <T> void assertSame(List<T> actual, List<T> expected, String how) {
    assertThat(actual).as(how).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as(how + ", message " + i).usingRecursiveComparison().isEqualTo(expected.get(i));
    }
  }

  private static <T> List<T> decodeInChunks(
      byte[] wire, int chunk, Supplier<Function<ByteBuf, T>> fresh, Predicate<T> stop) {
    Function<ByteBuf, T> decoder = fresh.get();
    ByteBuf in = Unpooled.buffer();
    List<T> messages = new ArrayList<>();
    for (int from = 0; from < wire.length; from += chunk) {
      in.writeBytes(wire, from, Math.min(chunk, wire.length - from));
      if (drain(decoder, in, messages, stop)) {
        break;
      }
    }
    assertThat(in.readableBytes()).as("leftover bytes").isZero();
    return messages;
  }

  private static <T> List<T> decodeSplitAt(
      byte[] wire, int split, Supplier<Function<ByteBuf, T>> fresh, Predicate<T> stop) {
    Function<ByteBuf, T> decoder = fresh.get();
    ByteBuf in = Unpooled.buffer();
    List<T> messages = new ArrayList<>();
    in.writeBytes(wire, 0, split);
    if (!drain(decoder, in, messages, stop)) {
      in.writeBytes(wire, split, wire.length - split);
      drain(decoder, in, messages, stop);
    }
    assertThat(in.readableBytes()).as("leftover bytes").isZero();
    return messages;
  }

  private static <T> boolean drain(Function<ByteBuf, T> decoder, ByteBuf in, List<T> messages, Predicate<T> stop) {
    T message;
    while ((message = decoder.apply(in)) != null) {
      messages.add(message);
      if (stop.test(message)) {
        return true;
      }
    }
    return false;
  }
}
