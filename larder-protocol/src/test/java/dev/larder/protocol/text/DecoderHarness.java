package dev.larder.protocol.text;

import dev.larder.protocol.SplitDecoding;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * {@link SplitDecoding} for the text protocol, both directions: requests ({@link TextRequestDecoder})
 * and replies ({@link TextResponseDecoder}).
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
    SplitDecoding.assertEveryWay(
        wire, DecoderHarness::requestDecoder, TextRequest.Close.class::isInstance, List.of(expected));
  }

  /** The same for replies: {@code wire} as a server sends it decodes to {@code expected} every way. */
  static void assertRepliesDecode(String wire, TextResponse... expected) {
    SplitDecoding.assertEveryWay(bytes(wire), DecoderHarness::responseDecoder, response -> false, List.of(expected));
  }

  /** Decodes what {@code wire} holds in one buffer and returns the requests; asserts nothing is left. */
  static List<TextRequest> decodeAll(byte[] wire) {
    return SplitDecoding.decodeInChunks(
        wire, Math.max(1, wire.length), DecoderHarness::requestDecoder, TextRequest.Close.class::isInstance);
  }

  /**
   * What the transport does: decode until the decoder needs more bytes. Returns true after a {@link
   * TextRequest.Close}, when the transport stops reading.
   */
  static boolean drain(TextRequestDecoder decoder, ByteBuf in, List<TextRequest> requests) {
    return SplitDecoding.drain(owning(decoder), in, requests, TextRequest.Close.class::isInstance);
  }

  /**
   * {@code decoder}'s requests, each {@link #owned} as it comes, and a run of mg ({@link
   * MetaRequest.Gets}) as the gets it holds, one per call: how the bytes were split decides which gets
   * arrive together, not which gets arrive.
   */
  static Function<ByteBuf, TextRequest> owning(TextRequestDecoder decoder) {
    Deque<TextRequest> run = new ArrayDeque<>();
    return in -> {
      if (run.isEmpty()) {
        TextRequest request = decoder.decode(in);
        if (!(request instanceof TextRequest.Meta meta && meta.request() instanceof MetaRequest.Gets gets)) {
          return owned(request);
        }
        for (int i = 0; i < gets.size(); i++) {
          run.add(new TextRequest.Meta(owned(gets.get(i))));
        }
      }
      return run.poll();
    };
  }

  /**
   * {@code request} with keys, data and flags of its own, laid out as a request built by hand lays them
   * out: a decoded request's are often the decoder's, rewritten by its next request.
   */
  static TextRequest owned(TextRequest request) {
    if (request instanceof TextRequest.Retrieve retrieve) {
      List<byte[]> keys = new ArrayList<>();
      for (int i = 0; i < retrieve.keys().size(); i++) {
        keys.add(retrieve.keys().copy(i));
      }
      return new TextRequest.Retrieve(retrieve.returnCas(), retrieve.touch(), retrieve.exptime(),
          RetrievalKeys.of(keys), retrieve.tooLongKeyFollows(), retrieve.last());
    }
    if (request instanceof TextRequest.Store store) {
      return new TextRequest.Store(store.command(), store.key().copy(), store.flags(), store.exptime(),
          copy(store.data()), store.casUnique(), store.noreply());
    }
    if (request instanceof TextRequest.Delete delete) {
      return new TextRequest.Delete(delete.key().copy(), delete.noreply());
    }
    if (request instanceof TextRequest.IncrDecr incrDecr) {
      return new TextRequest.IncrDecr(incrDecr.increment(), incrDecr.key().copy(), incrDecr.delta(), incrDecr.noreply());
    }
    if (request instanceof TextRequest.Touch touch) {
      return new TextRequest.Touch(touch.key().copy(), touch.exptime(), touch.noreply());
    }
    if (request instanceof TextRequest.Meta meta) {
      return new TextRequest.Meta(owned(meta.request()));
    }
    return request;
  }

  /** A decoded data block's bytes, in an array of their own. */
  private static byte[] copy(ByteBuffer data) {
    return ByteBufUtil.getBytes(Unpooled.wrappedBuffer(data));
  }

  private static MetaRequest owned(MetaRequest request) {
    if (request instanceof MetaRequest.Get get) {
      return new MetaRequest.Get(get.key().copy(), owned(get.flags()));
    }
    if (request instanceof MetaRequest.Set set) {
      return new MetaRequest.Set(set.key().copy(), copy(set.data()), owned(set.flags()));
    }
    if (request instanceof MetaRequest.SetTooLarge tooLarge) {
      return new MetaRequest.SetTooLarge(tooLarge.key(), owned(tooLarge.flags()));
    }
    if (request instanceof MetaRequest.Delete delete) {
      return new MetaRequest.Delete(delete.key().copy(), owned(delete.flags()));
    }
    if (request instanceof MetaRequest.Arithmetic arithmetic) {
      return new MetaRequest.Arithmetic(arithmetic.key().copy(), owned(arithmetic.flags()));
    }
    return request;
  }

  private static MetaFlags owned(MetaFlags flags) {
    byte[] order = new byte[flags.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = flags.flag(i);
    }
    byte[] opaque = flags.hasOpaque() ? flags.opaque().copy() : null;
    return new MetaFlags(order, opaque, flags.base64Key(), flags.quiet(), flags.value(), flags.noBump(),
        flags.invalidate(), flags.ttl(), flags.vivifyTtl(), flags.recacheTtl(), flags.clientFlags(),
        flags.hasCompareCas(), flags.compareCas(), flags.delta(), flags.initial(), flags.mode());
  }

  private static Function<ByteBuf, TextRequest> requestDecoder() {
    return owning(new TextRequestDecoder(MAX_VALUE));
  }

  private static Function<ByteBuf, TextResponse> responseDecoder() {
    return new TextResponseDecoder(MAX_VALUE)::decode;
  }
}
