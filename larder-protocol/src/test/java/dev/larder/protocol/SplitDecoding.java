package dev.larder.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Feeds wire bytes to a fresh decoder in every way a network could deliver them (all at once, one byte
 * at a time, and split in two at every position) and checks that each way yields the same messages
 * and leaves no bytes behind. Any decoder that returns a message or null (more bytes needed) fits.
 */
public final class SplitDecoding {
  private SplitDecoding() {}

  /**
   * Asserts that {@code wire} decodes to {@code expected} every way.
   *
   * @param fresh makes a new decoder
   * @param stop a message after which the transport stops reading (a close)
   */
  public static <T> void assertEveryWay(
      byte[] wire, Supplier<Function<ByteBuf, T>> fresh, Predicate<T> stop, List<T> expected) {
    assertSame(decodeInChunks(wire, wire.length, fresh, stop), expected, "all at once");
    assertSame(decodeInChunks(wire, 1, fresh, stop), expected, "one byte at a time");
    for (int split = 1; split < wire.length; split++) {
      assertSame(decodeSplitAt(wire, split, fresh, stop), expected, "split at " + split);
    }
  }

  /** Decodes {@code wire} delivered in chunks of {@code chunk} bytes; asserts nothing is left over. */
  public static <T> List<T> decodeInChunks(
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

  /**
   * What the transport does: decode until the decoder needs more bytes. Returns true after a message
   * that {@code stop} accepts, when the transport stops reading.
   */
  public static <T> boolean drain(Function<ByteBuf, T> decoder, ByteBuf in, List<T> messages, Predicate<T> stop) {
    T message;
    while ((message = decoder.apply(in)) != null) {
      messages.add(message);
      if (stop.test(message)) {
        return true;
      }
    }
    return false;
  }

  private static <T> void assertSame(List<T> actual, List<T> expected, String how) {
    assertThat(actual).as(how).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as(how + ", message " + i).usingRecursiveComparison().isEqualTo(expected.get(i));
    }
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
}
