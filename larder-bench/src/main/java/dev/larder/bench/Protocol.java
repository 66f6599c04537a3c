package dev.larder.bench;

import dev.larder.protocol.binary.BinaryOpcodes;
import dev.larder.protocol.binary.BinaryRequestDecoder;
import dev.larder.protocol.text.TextReplies;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of the bench's requests: {@code --protocol text|meta|binary}. Keys are
 * {@code key:<index>}. A get of several keys is one text {@code get k1 k2 ...}; in meta a batch of quiet
 * {@code mg <key> v q} ended by {@code mn}, and in binary a batch of quiet GETKQ ended by NOOP, which is
 * how clients of those protocols pipeline a multi-get.
 */
public enum Protocol {
  /** {@code get <key>...} and {@code set <key> 0 0 <bytes>}. */
  TEXT {
    @Override
    public void writeGet(ByteBuf out, long[] keys, int count) {
      out.writeBytes(TEXT_GET);
      for (int i = 0; i < count; i++) {
        out.writeByte(' ');
        writeKey(out, keys[i]);
      }
      out.writeBytes(CRLF);
    }

    @Override
    public void writeSet(ByteBuf out, long key, byte[] value, int size) {
      out.writeBytes(TEXT_SET);
      writeKey(out, key);
      out.writeBytes(TEXT_SET_FLAGS_AND_EXPIRY);
      writeData(out, value, size);
    }

    @Override
    public GetEnd getEnds(int count) {
      return GetEnd.AT_END;
    }
  },

  /** {@code mg <key> v} and {@code ms <key> <bytes>}. */
  META {
    @Override
    public void writeGet(ByteBuf out, long[] keys, int count) {
      if (count == 1) {
        out.writeBytes(META_GET);
        writeKey(out, keys[0]);
        out.writeBytes(META_VALUE_FLAG).writeBytes(CRLF);
        return;
      }
      for (int i = 0; i < count; i++) {
        out.writeBytes(META_GET);
        writeKey(out, keys[i]);
        out.writeBytes(META_VALUE_FLAG).writeBytes(META_QUIET_FLAG).writeBytes(CRLF);
      }
      out.writeBytes(META_NO_OP);
    }

    @Override
    public void writeSet(ByteBuf out, long key, byte[] value, int size) {
      out.writeBytes(META_SET);
      writeKey(out, key);
      out.writeByte(' ');
      writeData(out, value, size);
    }
  },

  /** GET (GETKQ and NOOP for several keys) and SET with flags and expiry 0. */
  BINARY {
    @Override
    public void writeGet(ByteBuf out, long[] keys, int count) {
      if (count == 1) {
        writeBinaryKeyRequest(out, BinaryOpcodes.GET, keys[0]);
        return;
      }
      for (int i = 0; i < count; i++) {
        writeBinaryKeyRequest(out, BinaryOpcodes.GETKQ, keys[i]);
      }
      writeBinaryHeader(out, BinaryOpcodes.NOOP, 0, 0, 0);
    }

    @Override
    public void writeSet(ByteBuf out, long key, byte[] value, int size) {
      int keyLength = keyLength(key);
      writeBinaryHeader(out, BinaryOpcodes.SET, keyLength, SET_EXTRAS, SET_EXTRAS + keyLength + size);
      out.writeInt(0).writeInt(0); // flags, expiry
      writeKey(out, key);
      out.writeBytes(value, 0, size);
    }

    @Override
    ReplyDecoder newDecoder() {
      return new BinaryReplyDecoder();
    }
  };

  private static final byte[] KEY_PREFIX = ascii("key:");
  private static final byte[] CRLF = ascii("\r\n");
  private static final byte[] TEXT_GET = ascii("get");
  private static final byte[] TEXT_SET = ascii("set ");
  private static final byte[] TEXT_SET_FLAGS_AND_EXPIRY = ascii(" 0 0 ");
  private static final byte[] META_GET = ascii("mg ");
  private static final byte[] META_SET = ascii("ms ");
  private static final byte[] META_VALUE_FLAG = ascii(" v");
  private static final byte[] META_QUIET_FLAG = ascii(" q");
  private static final byte[] META_NO_OP = ascii("mn\r\n");
  /** A binary SET's extras: flags and expiry, 4 bytes each. */
  private static final int SET_EXTRAS = 8;

  /** Writes one get of {@code keys[0..count)}; its replies end as {@link #getEnds} says. */
  public abstract void writeGet(ByteBuf out, long[] keys, int count);

  /** Writes a set of {@code key} to the first {@code size} bytes of {@code value}. */
  public abstract void writeSet(ByteBuf out, long key, byte[] value, int size);

  /**
   * How the replies to a get of {@code count} keys end: in meta and binary, a single get's one reply,
   * or the hits of a quiet batch and its no-op.
   */
  public GetEnd getEnds(int count) {
    return count == 1 ? GetEnd.AT_FIRST_REPLY : GetEnd.AT_NO_OP;
  }

  /** A decoder for one connection's replies: text and meta replies share one. */
  ReplyDecoder newDecoder() {
    return new TextReplyDecoder();
  }

  /** Writes the name of key number {@code index}: {@code key:<index>}. */
  public static void writeKey(ByteBuf out, long index) {
    out.writeBytes(KEY_PREFIX);
    TextReplies.writeUnsigned(out, index);
  }

  private static int keyLength(long index) {
    return KEY_PREFIX.length + TextReplies.unsignedDigits(index);
  }

  /** A binary request that carries only a key: GET, GETKQ. */
  private static void writeBinaryKeyRequest(ByteBuf out, int opcode, long key) {
    int keyLength = keyLength(key);
    writeBinaryHeader(out, opcode, keyLength, 0, keyLength);
    writeKey(out, key);
  }

  /** A binary request header; data type, vbucket, opaque and CAS are 0. */
  private static void writeBinaryHeader(ByteBuf out, int opcode, int keyLength, int extrasLength, int bodyLength) {
    out.writeByte(BinaryRequestDecoder.REQUEST_MAGIC).writeByte(opcode).writeShort(keyLength)
        .writeByte(extrasLength).writeByte(0).writeShort(0).writeInt(bodyLength).writeInt(0).writeLong(0);
  }

  /** {@code <size>\r\n<data>\r\n}, the tail of the text and meta sets. */
  private static void writeData(ByteBuf out, byte[] value, int size) {
    TextReplies.writeUnsigned(out, size);
    out.writeBytes(CRLF).writeBytes(value, 0, size).writeBytes(CRLF);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Which reply completes a get. */
  public enum GetEnd {
    /** Text: the values, then {@code END}. */
    AT_END,
    /** Meta or binary, one key: its {@code VA} or {@code EN}, its GET's value or "not found". */
    AT_FIRST_REPLY,
    /** Meta or binary, a quiet batch: the hits' {@code VA}s or GETKQ values, then {@code MN} or NOOP. */
    AT_NO_OP
  }
}
