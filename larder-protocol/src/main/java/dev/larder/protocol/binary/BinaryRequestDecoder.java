package dev.larder.protocol.binary;

import dev.larder.protocol.BytesToDrop;
import dev.larder.protocol.ReplyParts;
import dev.larder.protocol.ValueReader;
import dev.larder.protocol.binary.BinaryRequest.Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Parses the binary protocol bytes of one connection into {@link BinaryRequest}s, checking lengths as
 * memcached 1.6.18's {@code try_read_command_binary} and {@code dispatch_bin_command} do, and all of
 * them from the 24-byte header, before anything is read or kept: a frame whose key and extras do not
 * fit its body, a key over 250 bytes or lengths that do not suit the opcode are refused (the
 * connection is then closed). A value over the value limit is dropped as it arrives.
 *
 * <p>Not thread-safe: one instance per connection, fed the connection's cumulated input. It keeps at
 * most one frame of a known, bounded size. Every request's header, and the key and value of a request
 * on one key, are read into objects and buffers the decoder keeps, so that such requests allocate
 * nothing (a long value is left where it arrived, {@link ValueReader}): a request is to be carried out
 * before the next call to {@link #decode}, and before its input is changed.
 */
public final class BinaryRequestDecoder {
  /** The request magic byte, which also tells a binary connection from a text one. */
  public static final int REQUEST_MAGIC = 0x80;
  public static final int HEADER_LENGTH = 24;
  /** memcached's {@code KEY_MAX_LENGTH}. */
  public static final int MAX_KEY_LENGTH = 250;

  private static final int STORE_EXTRAS = 8;
  private static final int ARITHMETIC_EXTRAS = 20;
  private static final int TOUCH_EXTRAS = 4;
  private static final int FLUSH_EXTRAS = 4;
  /** Where the fields a run of gets is read by lie in a header. */
  private static final int OPCODE_AT = 1;
  private static final int KEY_LENGTH_AT = 2;
  private static final int EXTRAS_LENGTH_AT = 4;
  private static final int BODY_LENGTH_AT = 8;
  private static final int OPAQUE_AT = 12;
  private static final int CAS_AT = 16;
  /** Values up to this size are copied into one array kept for the connection's life ({@link ValueReader}). */
  private static final int REUSED_VALUE_LIMIT = 16 * 1024;
  private static final byte[] NO_BYTES = {};

  /** What the decoder is in the middle of. */
  private enum State {
    /** Waiting for a 24-byte header. */
    HEADER,
    /** The header passed its checks; waiting for the bytes of the body it kept room for. */
    BODY,
    /** Dropping body bytes that are not kept. */
    SWALLOW
  }

  private final int maxValueBytes;
  /**
   * The most gets decoded into one {@link BinaryRequest.Gets}, whose replies go into one buffer before
   * the connection's writability is checked again ({@link ReplyParts}).
   */
  private final int maxGets;
  private State state = State.HEADER;
  private final Header header = new Header(0, 0, 0);
  /** One request of each kind that names a key, filled anew for each such request, and the no-argument ones. */
  private final BinaryRequest.Get get = new BinaryRequest.Get(header, NO_BYTES, false);
  private final BinaryRequest.Touch touch = new BinaryRequest.Touch(header, NO_BYTES, 0, false, false);
  private final BinaryRequest.Store store =
      new BinaryRequest.Store(header, BinaryRequest.StoreKind.SET, NO_BYTES, 0, 0, NO_BYTES);
  private final BinaryRequest.AppendPrepend appendPrepend =
      new BinaryRequest.AppendPrepend(header, true, NO_BYTES, NO_BYTES);
  private final BinaryRequest.Delete delete = new BinaryRequest.Delete(header, NO_BYTES);
  private final BinaryRequest.Arithmetic arithmetic = new BinaryRequest.Arithmetic(header, true, NO_BYTES, 0, 0, 0);
  private final BinaryRequest.Noop noop = new BinaryRequest.Noop(header);
  private final BinaryRequest.Version version = new BinaryRequest.Version(header);
  private final BinaryRequest.Quit quit = new BinaryRequest.Quit(header);
  private final BinaryRequest.Gets gets = new BinaryRequest.Gets();
  private final byte[] keyBuffer = new byte[MAX_KEY_LENGTH];
  private final ValueReader values = new ValueReader(256, REUSED_VALUE_LIMIT);
  private int keyLength;
  private int extrasLength;
  /** The body bytes to read for the pending request (less than the body for a value dropped). */
  private int bodyToRead;
  /** Bytes to drop once the pending request is read. */
  private long swallowAfter;
  private final BytesToDrop toDrop = new BytesToDrop();

  /** @param maxValueBytes the largest value accepted; a larger one is answered {@link BinaryRequest.ValueTooLarge} */
  public BinaryRequestDecoder(int maxValueBytes) {
    if (maxValueBytes < 0) {
      throw new IllegalArgumentException("maxValueBytes: " + maxValueBytes + " (expected: >= 0)");
    }
    this.maxValueBytes = maxValueBytes;
    this.maxGets = ReplyParts.keysPerPart(maxValueBytes);
  }

  /**
   * Consumes the bytes of one request from {@code in} and returns it, or of a run of up to {@link
   * ReplyParts#keysPerPart} whole gets returned as one {@link BinaryRequest.Gets}; returns null when
   * more bytes are needed. After a {@link BinaryRequest.Close}, or a {@link BinaryRequest.Refused} that closes, the
   * connection is to be closed and the decoder not used again.
   */
  public BinaryRequest decode(ByteBuf in) {
    release();
    while (true) {
      switch (state) {
        case SWALLOW -> {
          if (!toDrop.dropFrom(in)) {
            return null;
          }
          state = State.HEADER;
        }
        case HEADER -> {
          if (in.readableBytes() < HEADER_LENGTH) {
            return null;
          }
          BinaryRequest refusal = readHeader(in);
          if (refusal != null) {
            return refusal;
          }
        }
        case BODY -> {
          if (in.readableBytes() < bodyToRead) {
            return null;
          }
          BinaryRequest request = readBody(in);
          if (swallowAfter > 0) {
            state = State.SWALLOW;
            toDrop.start(swallowAfter);
            swallowAfter = 0;
          } else {
            state = State.HEADER;
          }
          return request == get ? withGetsAfter(in) : request;
        }
      }
    }
  }

  /**
   * The bytes, from the input's reader index on, that the request under way needs whole when its
   * header is read and its value is long ({@link ValueReader#isLong}): its body, which a caller may
   * make room for in one buffer. Otherwise 0.
   */
  public int longValueAwaited() {
    return state == State.BODY && values.isLong(bodyToRead - keyLength - extrasLength) ? bodyToRead : 0;
  }

  /**
   * Lets go of the last request's value, which may be a view of a large input buffer, so that an idle
   * connection does not keep it: for the caller to call once it has carried out the requests it
   * decoded, and done at the start of every {@code decode}.
   */
  public void release() {
    store.setValue(ValueReader.NO_VALUE);
    appendPrepend.setValue(ValueReader.NO_VALUE);
  }

  /** Reads and checks a header; returns a refusal, or null with the state set to read the body. */
  private BinaryRequest readHeader(ByteBuf in) {
    int magic = in.readUnsignedByte();
    if (magic != REQUEST_MAGIC) {
      in.skipBytes(in.readableBytes());
      return new BinaryRequest.Close();
    }
    int opcode = in.readUnsignedByte();
    keyLength = in.readUnsignedShort();
    extrasLength = in.readUnsignedByte();
    in.skipBytes(3); // data type and vbucket, which memcached ignores
    long bodyLength = in.readUnsignedInt();
    int opaque = in.readInt();
    long cas = in.readLong();
    header.set(opcode, opaque, cas);
    if (keyLength + extrasLength > bodyLength) {
      return refuseAndClose(in, BinaryStatus.UNKNOWN_COMMAND);
    }
    if (keyLength > MAX_KEY_LENGTH) {
      return refuseAndClose(in, BinaryStatus.INVALID_ARGUMENTS);
    }
    long valueLength = bodyLength - keyLength - extrasLength;
    int plain = BinaryOpcodes.plain(opcode);
    boolean fits = switch (plain) {
      case BinaryOpcodes.GET, BinaryOpcodes.GETK, BinaryOpcodes.DELETE -> keyOnly(keyLength, extrasLength, valueLength);
      case BinaryOpcodes.SET, BinaryOpcodes.ADD, BinaryOpcodes.REPLACE -> keyLength > 0 && extrasLength == STORE_EXTRAS;
      case BinaryOpcodes.APPEND, BinaryOpcodes.PREPEND -> keyLength > 0 && extrasLength == 0;
      case BinaryOpcodes.INCREMENT, BinaryOpcodes.DECREMENT ->
          keyLength > 0 && extrasLength == ARITHMETIC_EXTRAS && valueLength == 0;
      case BinaryOpcodes.TOUCH, BinaryOpcodes.GAT, BinaryOpcodes.GATK ->
          keyLength > 0 && extrasLength == TOUCH_EXTRAS && valueLength == 0;
      case BinaryOpcodes.FLUSH -> keyLength == 0 && (extrasLength == 0 || extrasLength == FLUSH_EXTRAS) && valueLength == 0;
      case BinaryOpcodes.STAT -> extrasLength == 0 && valueLength == 0;
      case BinaryOpcodes.VERSION, BinaryOpcodes.NOOP, BinaryOpcodes.QUIT, BinaryOpcodes.SASL_LIST_MECHS ->
          bodyLength == 0;
      case BinaryOpcodes.SASL_AUTH, BinaryOpcodes.SASL_STEP -> keyLength > 0 && extrasLength == 0;
      default -> true;
    };
    if (!fits) {
      return refuseAndClose(in, BinaryStatus.INVALID_ARGUMENTS);
    }
    if (isSasl(plain) || !isKnown(plain)) {
      // memcached without SASL, and for opcodes it does not know: "unknown command", body dropped.
      state = State.SWALLOW;
      toDrop.start(bodyLength);
      return new BinaryRequest.Refused(header, BinaryStatus.UNKNOWN_COMMAND, false);
    }
    boolean storesValue = plain == BinaryOpcodes.SET || plain == BinaryOpcodes.ADD || plain == BinaryOpcodes.REPLACE
        || plain == BinaryOpcodes.APPEND || plain == BinaryOpcodes.PREPEND;
    if (storesValue && valueLength > maxValueBytes) {
      bodyToRead = keyLength + extrasLength;
      swallowAfter = valueLength;
    } else {
      bodyToRead = (int) bodyLength;
    }
    state = State.BODY;
    return null;
  }

  /**
   * The get (getk, getq, getkq) just read, alone when the next request in {@code in} is not a whole
   * get, else together with the gets that follow it (up to {@link ReplyParts#keysPerPart}).
   */
  private BinaryRequest withGetsAfter(ByteBuf in) {
    int nextKeyLength = wholeGetKeyLength(in);
    if (nextKeyLength < 0) {
      return get;
    }
    gets.clear();
    gets.add(header.opcode(), header.opaque(), header.cas(), keyBuffer, keyLength);
    for (; nextKeyLength >= 0 && gets.size() < maxGets; nextKeyLength = wholeGetKeyLength(in)) {
      int at = in.readerIndex();
      int opcode = in.getUnsignedByte(at + OPCODE_AT);
      int opaque = in.getInt(at + OPAQUE_AT);
      long cas = in.getLong(at + CAS_AT);
      in.skipBytes(HEADER_LENGTH);
      in.readBytes(keyBuffer, 0, nextKeyLength);
      gets.add(opcode, opaque, cas, keyBuffer, nextKeyLength);
    }
    return gets;
  }

  /**
   * The key length of the get, getk, getq or getkq that {@code in} holds next, whole and passing the
   * checks of {@link #readHeader}; -1 when the next request is anything else, or not all there yet.
   */
  private static int wholeGetKeyLength(ByteBuf in) {
    int at = in.readerIndex();
    if (in.readableBytes() < HEADER_LENGTH || in.getUnsignedByte(at) != REQUEST_MAGIC) {
      return -1;
    }
    int plain = BinaryOpcodes.plain(in.getUnsignedByte(at + OPCODE_AT));
    int keyLength = in.getUnsignedShort(at + KEY_LENGTH_AT);
    int extrasLength = in.getUnsignedByte(at + EXTRAS_LENGTH_AT);
    long valueLength = in.getUnsignedInt(at + BODY_LENGTH_AT) - keyLength - extrasLength;
    boolean valid = (plain == BinaryOpcodes.GET || plain == BinaryOpcodes.GETK) && keyLength <= MAX_KEY_LENGTH
        && keyOnly(keyLength, extrasLength, valueLength);
    return valid && in.readableBytes() >= HEADER_LENGTH + keyLength ? keyLength : -1;
  }

  /** Whether a request's lengths are those of a command on a key alone: get, getk, delete. */
  private static boolean keyOnly(int keyLength, int extrasLength, long valueLength) {
    return keyLength > 0 && extrasLength == 0 && valueLength == 0;
  }

  /** A refusal after which the connection closes: nothing more is read. */
  private BinaryRequest refuseAndClose(ByteBuf in, int status) {
    in.skipBytes(in.readableBytes());
    return new BinaryRequest.Refused(header, status, true);
  }

  /** Reads the body whose lengths {@link #readHeader} checked. */
  private BinaryRequest readBody(ByteBuf in) {
    int plain = BinaryOpcodes.plain(header.opcode());
    int extrasAt = in.readerIndex();
    in.skipBytes(extrasLength);
    in.readBytes(keyBuffer, 0, keyLength);
    if (swallowAfter > 0) {
      return new BinaryRequest.ValueTooLarge(header, key());
    }
    int valueLength = bodyToRead - keyLength - extrasLength;
    ByteBuffer value = values.read(in, valueLength);
    return switch (plain) {
      case BinaryOpcodes.GET, BinaryOpcodes.GETK -> {
        get.setReturnKey(plain == BinaryOpcodes.GETK);
        yield withKey(get);
      }
      case BinaryOpcodes.TOUCH, BinaryOpcodes.GAT, BinaryOpcodes.GATK -> {
        touch.set(in.getUnsignedInt(extrasAt), plain != BinaryOpcodes.TOUCH, plain == BinaryOpcodes.GATK);
        yield withKey(touch);
      }
      case BinaryOpcodes.SET, BinaryOpcodes.ADD, BinaryOpcodes.REPLACE -> {
        store.set(plain == BinaryOpcodes.SET ? BinaryRequest.StoreKind.SET
                : plain == BinaryOpcodes.ADD ? BinaryRequest.StoreKind.ADD : BinaryRequest.StoreKind.REPLACE,
            in.getInt(extrasAt), in.getUnsignedInt(extrasAt + 4));
        store.setValue(value);
        yield withKey(store);
      }
      case BinaryOpcodes.APPEND, BinaryOpcodes.PREPEND -> {
        appendPrepend.setAppend(plain == BinaryOpcodes.APPEND);
        appendPrepend.setValue(value);
        yield withKey(appendPrepend);
      }
      case BinaryOpcodes.DELETE -> withKey(delete);
      case BinaryOpcodes.INCREMENT, BinaryOpcodes.DECREMENT -> {
        arithmetic.set(plain == BinaryOpcodes.INCREMENT, in.getLong(extrasAt), in.getLong(extrasAt + 8),
            in.getUnsignedInt(extrasAt + 16));
        yield withKey(arithmetic);
      }
      case BinaryOpcodes.FLUSH -> new BinaryRequest.Flush(header, extrasLength == 0 ? 0 : in.getUnsignedInt(extrasAt));
      case BinaryOpcodes.NOOP -> noop;
      case BinaryOpcodes.VERSION -> version;
      case BinaryOpcodes.QUIT -> quit;
      case BinaryOpcodes.STAT -> new BinaryRequest.Stat(header, key());
      default -> throw new IllegalStateException("opcode passed the checks unhandled: " + header.opcode());
    };
  }

  /** {@code command}, its key pointed at the one just read. */
  private BinaryRequest withKey(BinaryRequest.KeyCommand command) {
    command.key().set(keyBuffer, 0, keyLength);
    return command;
  }

  /** The key just read, in an array of its own, for the requests that keep it. */
  private byte[] key() {
    return Arrays.copyOf(keyBuffer, keyLength);
  }

  private static boolean isSasl(int opcode) {
    return opcode == BinaryOpcodes.SASL_LIST_MECHS || opcode == BinaryOpcodes.SASL_AUTH
        || opcode == BinaryOpcodes.SASL_STEP;
  }

  private static boolean isKnown(int plain) {
    return switch (plain) {
      case BinaryOpcodes.GET, BinaryOpcodes.GETK, BinaryOpcodes.SET, BinaryOpcodes.ADD, BinaryOpcodes.REPLACE,
          BinaryOpcodes.DELETE, BinaryOpcodes.INCREMENT, BinaryOpcodes.DECREMENT, BinaryOpcodes.QUIT,
          BinaryOpcodes.FLUSH, BinaryOpcodes.NOOP, BinaryOpcodes.VERSION, BinaryOpcodes.APPEND,
          BinaryOpcodes.PREPEND, BinaryOpcodes.STAT, BinaryOpcodes.TOUCH, BinaryOpcodes.GAT,
          BinaryOpcodes.GATK -> true;
      default -> false;
    };
  }
}
