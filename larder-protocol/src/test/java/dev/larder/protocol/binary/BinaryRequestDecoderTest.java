package dev.larder.protocol.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.ReplyParts;
import dev.larder.protocol.SplitDecoding;
import dev.larder.protocol.binary.BinaryRequest.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte vectors for the binary protocol decoder, each delivered every way a network could split it. */
class BinaryRequestDecoderTest {
  private static final int MAX_VALUE = 64;

  /** A request packet: header, extras, key, value; {@code bodyLength} -1 for the true one. */
  static byte[] packet(int opcode, byte[] extras, String key, String value, int opaque, long cas, long bodyLength) {
    byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
    byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer header = ByteBuffer.allocate(BinaryRequestDecoder.HEADER_LENGTH)
        .put((byte) 0x80).put((byte) opcode).putShort((short) k.length).put((byte) extras.length).put((byte) 0)
        .putShort((short) 0)
        .putInt((int) (bodyLength >= 0 ? bodyLength : extras.length + k.length + v.length))
        .putInt(opaque).putLong(cas);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(extras);
    out.writeBytes(k);
    out.writeBytes(v);
    return out.toByteArray();
  }

  static byte[] packet(int opcode, byte[] extras, String key, String value) {
    return packet(opcode, extras, key, value, 7, 0, -1);
  }

  static byte[] ints(long... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
    for (long v : values) {
      buffer.putInt((int) v);
    }
    return buffer.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] key(String key) {
    return key.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Header header(int opcode) {
    return new Header(opcode, 7, 0);
  }

  private static void assertDecodes(byte[] wire, BinaryRequest... expected) {
    SplitDecoding.assertEveryWay(wire, BinaryRequestDecoderTest::owningDecoder, BinaryRequestDecoderTest::closes,
        List.of(expected));
  }

  /**
   * A fresh decoder whose requests are copied as they come (its own are rewritten by its next request),
   * and whose {@link BinaryRequest.Gets} come as the gets they hold, one per call: how the bytes
   * were split decides which gets arrive together, not which gets arrive.
   */
  private static Function<ByteBuf, BinaryRequest> owningDecoder() {
    BinaryRequestDecoder decoder = new BinaryRequestDecoder(MAX_VALUE);
    Deque<BinaryRequest> batched = new ArrayDeque<>();
    return in -> {
      if (batched.isEmpty()) {
        BinaryRequest request = decoder.decode(in);
        if (!(request instanceof BinaryRequest.Gets gets)) {
          return owned(request);
        }
        batched.addAll(gets(gets));
      }
      return batched.poll();
    };
  }

  /** The gets {@code gets} holds, each with a header and key of its own. */
  private static List<BinaryRequest.Get> gets(BinaryRequest.Gets gets) {
    List<BinaryRequest.Get> each = new ArrayList<>();
    for (int i = 0; i < gets.size(); i++) {
      byte[] key = Arrays.copyOfRange(gets.keys(), gets.keyOffset(i), gets.keyOffset(i) + gets.keyLength(i));
      each.add(new BinaryRequest.Get(owned(gets.header(i)), key, gets.returnKey(i)));
    }
    return each;
  }

  /**
   * {@code request} with a header, key and value of its own: a request on one key is rebuilt through its
   * public constructor, a record through its canonical constructor, each with a copy of its header.
   */
  private static BinaryRequest owned(BinaryRequest request) {
    if (request instanceof BinaryRequest.KeyCommand command) {
      return owned(command, owned(command.header()), command.key().copy());
    }
    if (request == null || !request.getClass().isRecord()) {
      return request;
    }
    try {
      RecordComponent[] components = request.getClass().getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        Object value = components[i].getAccessor().invoke(request);
        values[i] = value instanceof Header header ? owned(header) : value;
        types[i] = components[i].getType();
      }
      return (BinaryRequest) request.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static BinaryRequest owned(BinaryRequest.KeyCommand command, Header header, byte[] key) {
    if (command instanceof BinaryRequest.Get get) {
      return new BinaryRequest.Get(header, key, get.returnKey());
    }
    if (command instanceof BinaryRequest.Touch touch) {
      return new BinaryRequest.Touch(header, key, touch.exptime(), touch.returnValue(), touch.returnKey());
    }
    if (command instanceof BinaryRequest.Store store) {
      return new BinaryRequest.Store(header, store.kind(), key, store.flags(), store.exptime(),
          ByteBufUtil.getBytes(Unpooled.wrappedBuffer(store.value())));
    }
    if (command instanceof BinaryRequest.AppendPrepend join) {
      return new BinaryRequest.AppendPrepend(header, join.append(), key, 
          ByteBufUtil.getBytes(Unpooled.wrappedBuffer(join.value())));
    }
    if (command instanceof BinaryRequest.Delete) {
      return new BinaryRequest.Delete(header, key);
    }
    BinaryRequest.Arithmetic arithmetic = (BinaryRequest.Arithmetic) command;
    return new BinaryRequest.Arithmetic(header, arithmetic.increment(), key, arithmetic.delta(), arithmetic.initial(),
        arithmetic.expiration());
  }

  private static Header owned(Header header) {
    return new Header(header.opcode(), header.opaque(), header.cas());
  }

  private static boolean closes(BinaryRequest request) {
    return request instanceof BinaryRequest.Close
        || request instanceof BinaryRequest.Refused refused && refused.close();
  }

  @Test
  void gets() {
    assertDecodes(concat(packet(0x00, new byte[0], "a", ""), packet(0x0d, new byte[0], "bb", "")),
        new BinaryRequest.Get(header(0x00), key("a"), false), new BinaryRequest.Get(header(0x0d), key("bb"), true));
  }

  @Test
  void consecutiveGetsComeAsTheGetsTheyAre() {
    assertDecodes(concat(packet(0x09, new byte[0], "a", "", 1, 0, -1), packet(0x0d, new byte[0], "bb", "", 2, 0, -1),
            packet(0x00, new byte[0], "a", "", 3, 0, -1), packet(0x0c, new byte[0], "c", "", 4, 0, -1),
            packet(0x0a, new byte[0], "", "")),
        new BinaryRequest.Get(new Header(0x09, 1, 0), key("a"), false),
        new BinaryRequest.Get(new Header(0x0d, 2, 0), key("bb"), true),
        new BinaryRequest.Get(new Header(0x00, 3, 0), key("a"), false),
        new BinaryRequest.Get(new Header(0x0c, 4, 0), key("c"), true), new BinaryRequest.Noop(header(0x0a)));
  }

  @Test
  void getsWholeInTheBufferAreDecodedTogetherUpToTheLimit() {
    int[] opcodes = {0x00, 0x09, 0x0c, 0x0d};
    int count = ReplyParts.MAX_KEYS + 2;
    ByteBuf in = Unpooled.buffer();
    for (int i = 0; i < count; i++) {
      in.writeBytes(packet(opcodes[i % 4], new byte[0], "key" + i, "", i, 0, -1));
    }
    in.writeBytes(packet(0x0a, new byte[0], "", "")); // a noop ends a run
    in.writeBytes(packet(0x0d, new byte[0], "half", "")).writerIndex(in.writerIndex() - 2);
    BinaryRequestDecoder decoder = new BinaryRequestDecoder(MAX_VALUE);

    BinaryRequest.Gets first = (BinaryRequest.Gets) decoder.decode(in);
    assertThat(gets(first)).hasSize(ReplyParts.MAX_KEYS);
    assertThat(gets(first).get(6)).usingRecursiveComparison()
        .isEqualTo(new BinaryRequest.Get(new Header(0x0c, 6, 0), key("key6"), true));
    assertThat(gets((BinaryRequest.Gets) decoder.decode(in))).usingRecursiveComparison().isEqualTo(List.of(
        new BinaryRequest.Get(new Header(0x00, count - 2, 0), key("key" + (count - 2)), false),
        new BinaryRequest.Get(new Header(0x09, count - 1, 0), key("key" + (count - 1)), false)));
    assertThat(decoder.decode(in)).isInstanceOf(BinaryRequest.Noop.class);
    assertThat(decoder.decode(in)).as("the last getkq is not all there").isNull();
  }

  @Test
  void aGetFrameThatFailsTheHeaderChecksIsNotTakenIntoARunButRefused() {
    byte[] get = packet(0x09, new byte[0], "a", "");
    Header next = header(0x09);
    BinaryRequest.Get first = new BinaryRequest.Get(header(0x09), key("a"), false);
    assertDecodes(concat(get, packet(0x09, ints(0), "b", "")),
        first, new BinaryRequest.Refused(next, BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(concat(get, packet(0x09, new byte[0], "b", "x")),
        first, new BinaryRequest.Refused(next, BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(concat(get, packet(0x09, new byte[0], "bb", "", 7, 0, 1)),
        first, new BinaryRequest.Refused(next, BinaryStatus.UNKNOWN_COMMAND, true));
    assertDecodes(concat(get, packet(0x09, new byte[0], "k".repeat(251), "")),
        first, new BinaryRequest.Refused(next, BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(concat(get, packet(0x09, new byte[0], "", "")),
        first, new BinaryRequest.Refused(next, BinaryStatus.INVALID_ARGUMENTS, true));
    byte[] badMagic = packet(0x09, new byte[0], "b", "");
    badMagic[0] = (byte) 0x81;
    assertDecodes(concat(get, badMagic), first, new BinaryRequest.Close());
  }

  @Test
  void aGetFollowedByAPartOfAnotherIsDecodedAlone() {
    ByteBuf in = Unpooled.buffer().writeBytes(packet(0x09, new byte[0], "a", ""))
        .writeBytes(packet(0x00, new byte[0], "b", ""), 0, BinaryRequestDecoder.HEADER_LENGTH);
    BinaryRequestDecoder decoder = new BinaryRequestDecoder(MAX_VALUE);
    assertThat(owned(decoder.decode(in))).usingRecursiveComparison()
        .isEqualTo(new BinaryRequest.Get(header(0x09), key("a"), false));
    assertThat(in.readableBytes()).isEqualTo(BinaryRequestDecoder.HEADER_LENGTH);
  }

  @Test
  void setWithFlagsExptimeAndCas() {
    assertDecodes(packet(0x11, ints(0xDEADBEEFL, 0xFFFFFFFFL), "k", "value", 9, 42, -1),
        new BinaryRequest.Store(new Header(0x11, 9, 42), BinaryRequest.StoreKind.SET, key("k"), 0xDEADBEEF,
            0xFFFFFFFFL, key("value")));
  }

  @Test
  void addReplaceAppendPrepend() {
    assertDecodes(concat(packet(0x02, ints(0, 0), "k", "a"), packet(0x13, ints(1, 2), "k", "b"),
            packet(0x0e, new byte[0], "k", "c"), packet(0x1a, new byte[0], "k", "")),
        new BinaryRequest.Store(header(0x02), BinaryRequest.StoreKind.ADD, key("k"), 0, 0, key("a")),
        new BinaryRequest.Store(header(0x13), BinaryRequest.StoreKind.REPLACE, key("k"), 1, 2, key("b")),
        new BinaryRequest.AppendPrepend(header(0x0e), true, key("k"), key("c")),
        new BinaryRequest.AppendPrepend(header(0x1a), false, key("k"), new byte[0]));
  }

  @Test
  void incrementWithInitialAndExpiration() {
    byte[] extras = ByteBuffer.allocate(20).putLong(-1).putLong(10).putInt(-1).array();
    assertDecodes(packet(0x16, extras, "n", ""),
        new BinaryRequest.Arithmetic(header(0x16), false, key("n"), -1, 10, BinaryRequest.Arithmetic.DO_NOT_CREATE));
  }

  @Test
  void touchAndGats() {
    assertDecodes(concat(packet(0x1c, ints(10), "k", ""), packet(0x1e, ints(20), "k", ""),
            packet(0x24, ints(30), "k", ""), packet(0x1c, ints(40), "kk", "")),
        new BinaryRequest.Touch(header(0x1c), key("k"), 10, false, false),
        new BinaryRequest.Touch(header(0x1e), key("k"), 20, true, false),
        new BinaryRequest.Touch(header(0x24), key("k"), 30, true, true),
        new BinaryRequest.Touch(header(0x1c), key("kk"), 40, false, false)); // nothing of the gatkq is left
  }

  @Test
  void commandsWithoutKeys() {
    assertDecodes(concat(packet(0x08, new byte[0], "", ""), packet(0x18, ints(5), "", ""),
            packet(0x0a, new byte[0], "", ""), packet(0x0b, new byte[0], "", ""), packet(0x10, new byte[0], "items", ""),
            packet(0x04, new byte[0], "k", ""), packet(0x17, new byte[0], "", "")),
        new BinaryRequest.Flush(header(0x08), 0), new BinaryRequest.Flush(header(0x18), 5),
        new BinaryRequest.Noop(header(0x0a)), new BinaryRequest.Version(header(0x0b)),
        new BinaryRequest.Stat(header(0x10), key("items")), new BinaryRequest.Delete(header(0x04), key("k")),
        new BinaryRequest.Quit(header(0x17)));
  }

  @Test
  void aValueOverTheLimitIsDroppedAsItArrives() {
    String big = "v".repeat(MAX_VALUE + 1);
    assertDecodes(concat(packet(0x01, ints(0, 0), "k", big), packet(0x0a, new byte[0], "", "")),
        new BinaryRequest.ValueTooLarge(header(0x01), key("k")), new BinaryRequest.Noop(header(0x0a)));
  }

  @Test
  void unknownOpcodesAndSaslAreRefusedAndTheirBodiesDropped() {
    assertDecodes(concat(packet(0x50, ints(1), "key", "body"), packet(0x21, new byte[0], "PLAIN", "secret"),
            packet(0x20, new byte[0], "", ""), packet(0x0a, new byte[0], "", "")),
        new BinaryRequest.Refused(header(0x50), BinaryStatus.UNKNOWN_COMMAND, false),
        new BinaryRequest.Refused(header(0x21), BinaryStatus.UNKNOWN_COMMAND, false),
        new BinaryRequest.Refused(header(0x20), BinaryStatus.UNKNOWN_COMMAND, false),
        new BinaryRequest.Noop(header(0x0a)));
  }

  @Test
  void keyAndExtrasLongerThanTheBodyCloseBeforeAnyBodyIsRead() {
    assertDecodes(packet(0x00, new byte[0], "abc", "", 7, 0, 2),
        new BinaryRequest.Refused(header(0x00), BinaryStatus.UNKNOWN_COMMAND, true));
  }

  @Test
  void lengthsThatDoNotSuitTheOpcodeClose() {
    assertDecodes(packet(0x00, ints(1), "k", ""), new BinaryRequest.Refused(header(0x00), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x01, ints(1), "k", "v"), new BinaryRequest.Refused(header(0x01), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x01, ints(0, 0), "", "v"), new BinaryRequest.Refused(header(0x01), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x0a, new byte[0], "", "x"), new BinaryRequest.Refused(header(0x0a), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x08, ints(1, 2), "", ""), new BinaryRequest.Refused(header(0x08), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x05, ints(1), "n", ""), new BinaryRequest.Refused(header(0x05), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x1c, ints(1), "k", "v"), new BinaryRequest.Refused(header(0x1c), BinaryStatus.INVALID_ARGUMENTS, true));
    assertDecodes(packet(0x10, new byte[0], "items", "x"),
        new BinaryRequest.Refused(header(0x10), BinaryStatus.INVALID_ARGUMENTS, true));
  }

  @Test
  void aKeyOver250BytesCloses() {
    assertDecodes(packet(0x00, new byte[0], "k".repeat(251), ""),
        new BinaryRequest.Refused(header(0x00), BinaryStatus.INVALID_ARGUMENTS, true));
  }

  @Test
  void aHugeDeclaredBodyIsNeverWaitedFor() {
    // 4 GB of "value" on a get: refused from the header alone.
    byte[] wire = Arrays.copyOf(packet(0x00, new byte[0], "k", "", 7, 0, 0xFFFFFFFFL), 24);
    assertDecodes(wire, new BinaryRequest.Refused(header(0x00), BinaryStatus.INVALID_ARGUMENTS, true));
  }

  /**
   * A value too long for the reused array is handed on where it arrived, not copied, and release lets
   * go of it: set (0x01) and append (0x0e), whose values the decoder keeps in a request of each kind.
   */
  @ParameterizedTest
  @ValueSource(ints = {0x01, 0x0e})
  void aLongValueIsAViewOfTheInputLetGoOnRelease(int opcode) throws InterruptedException {
    BinaryRequestDecoder decoder = new BinaryRequestDecoder(1 << 20);
    byte[] extras = opcode == 0x01 ? ints(0, 0) : new byte[0];
    byte[] wire = packet(opcode, extras, "k", "v".repeat(100_000));
    ByteBuf in = Unpooled.directBuffer(wire.length).writeBytes(wire);
    BinaryRequest stored = decoder.decode(in);
    ByteBuffer storedValue = stored instanceof BinaryRequest.Store store
        ? store.value()
        : ((BinaryRequest.AppendPrepend) stored).value();
    assertThat(storedValue.isDirect()).as("a view of the direct input").isTrue();
    assertThat(StandardCharsets.US_ASCII.decode(storedValue.duplicate()).toString()).isEqualTo("v".repeat(100_000));
    WeakReference<ByteBuffer> value = new WeakReference<>(storedValue);
    stored = null;
    storedValue = null;
    decoder.release();
    for (int i = 0; i < 10 && value.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(value.get()).as("the view of the value, once released").isNull();
    in.release();
  }

  @Test
  void aWrongMagicByteCloses() {
    byte[] wire = packet(0x00, new byte[0], "k", "");
    wire[0] = (byte) 0x81;
    ByteBuf in = Unpooled.wrappedBuffer(wire);
    Function<ByteBuf, BinaryRequest> decoder = new BinaryRequestDecoder(MAX_VALUE)::decode;
    assertThat(decoder.apply(in)).isInstanceOf(BinaryRequest.Close.class);
    assertThat(in.isReadable()).isFalse();
  }
}
