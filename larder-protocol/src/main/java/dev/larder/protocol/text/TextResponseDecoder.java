package dev.larder.protocol.text;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the replies a memcached server sends on one text protocol connection into {@link
 * TextResponse}s: the client-side counterpart of {@link TextRequestDecoder}. Replies to meta commands
 * (two-letter codes such as {@code VA} and {@code HD}) may come between text replies, in the order the
 * commands were sent. A bare {@code \n} is accepted as a line end, as memcached accepts it.
 *
 * <p>Not thread-safe: one instance per connection, fed the connection's cumulated input. Memory stays
 * bounded whatever the server sends: a line is never awaited past {@link #MAX_LINE} bytes and a data
 * block never past the {@code maxValueBytes} given to the constructor; beyond those, and for anything
 * that is not a reply, {@link #decode} throws {@link MalformedReplyException}.
 */
public final class TextResponseDecoder {
  /** The longest reply line accepted, far above any line memcached sends (a VALUE line is ~320 bytes). */
  public static final int MAX_LINE = 8192;

  /** What the decoder is in the middle of. */
  private enum State {
    /** Waiting for a complete reply line. */
    READ_LINE,
    /** A VALUE or VA line was read; waiting for its data block and {@code \r\n}. */
    READ_DATA
  }

  private static final byte[] NO_DATA = new byte[0];
  private static final TextResponse.Status[] STATUSES = TextResponse.Status.values();
  private static final byte[][] STATUS_NAMES = Arrays.stream(STATUSES)
      .map(status -> status.name().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  private final int maxValueBytes;
  private final CommandTokens tokens = new CommandTokens();
  private final MemcachedNumbers numbers = new MemcachedNumbers();
  /** The current reply line, reused: nothing keeps it past {@link #parseLine}. */
  private byte[] lineBuffer = new byte[64];
  private State state = State.READ_LINE;
  /** Bytes of the current line already searched for a newline, so long lines are not rescanned. */
  private int scannedLineBytes;
  private byte[] pendingKey;
  private int pendingFlags;
  private int pendingLength;
  private long pendingCas;
  private boolean pendingHasCas;
  /** The VA line whose data block is awaited, with empty data; null while a VALUE's is awaited. */
  private TextResponse.Meta pendingMeta;

  /**
   * @param maxValueBytes the largest data block accepted in a VALUE reply
   */
  public TextResponseDecoder(int maxValueBytes) {
    if (maxValueBytes < 0 || maxValueBytes > Integer.MAX_VALUE - 2) {
      throw new IllegalArgumentException(
          "maxValueBytes: " + maxValueBytes + " (expected: 0.." + (Integer.MAX_VALUE - 2) + ")");
    }
    this.maxValueBytes = maxValueBytes;
  }

  /**
   * Consumes the bytes of at most one reply from {@code in} and returns it, or returns null when more
   * bytes are needed; then it has consumed nothing, or only a VALUE or VA line whose data block it
   * awaits.
   *
   * @throws MalformedReplyException if the bytes are not a reply; the connection is then to be closed
   */
  public TextResponse decode(ByteBuf in) {
    if (state == State.READ_LINE) {
      TextResponse response = readLine(in);
      if (response != null || state == State.READ_LINE) {
        return response;
      }
    }
    return readDataBlock(in);
  }

  private TextResponse readLine(ByteBuf in) {
    int newline = in.indexOf(in.readerIndex() + scannedLineBytes, in.writerIndex(), (byte) '\n');
    if (newline < 0) {
      scannedLineBytes = in.readableBytes();
      if (scannedLineBytes > MAX_LINE) {
        throw new MalformedReplyException(
            "reply line: over " + MAX_LINE + " bytes without a newline (expected: <= " + MAX_LINE + ")");
      }
      return null;
    }
    scannedLineBytes = 0;
    int lineLength = newline - in.readerIndex();
    if (lineLength > MAX_LINE) {
      throw new MalformedReplyException(
          "reply line: " + lineLength + " bytes (expected: <= " + MAX_LINE + ")");
    }
    if (lineBuffer.length < lineLength) {
      lineBuffer = new byte[Math.max(lineLength, 2 * lineBuffer.length)];
    }
    byte[] line = lineBuffer;
    in.readBytes(line, 0, lineLength);
    in.skipBytes(1);
    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
    return parseLine(line, length);
  }

  private TextResponse parseLine(byte[] line, int length) {
    tokens.tokenize(line, length);
    if (tokens.count() == 0) {
      throw unexpected(line, length);
    }
    if (isDigit(line[tokens.start(0)])) {
      return new TextResponse.Number(number(line, 0, length, line, length));
    }
    return switch (tokens.string(0)) {
      case "VALUE" -> startValue(line, length);
      case "STAT" -> stat(line, length);
      case "VERSION" -> new TextResponse.Version(restAfter(0, line, length));
      case "ERROR" -> error(TextResponse.ErrorKind.ERROR, line, length);
      case "CLIENT_ERROR" -> error(TextResponse.ErrorKind.CLIENT_ERROR, line, length);
      case "SERVER_ERROR" -> error(TextResponse.ErrorKind.SERVER_ERROR, line, length);
      case "VA" -> startMetaValue(line, length);
      case "HD", "EN", "NF", "NS", "EX", "MN" -> meta(TextResponse.MetaCode.valueOf(tokens.string(0)), 1, line, length);
      default -> status(line, length);
    };
  }

  /** {@code VALUE <key> <flags> <bytes>[ <cas>]}: remembered until the data block is here. */
  private TextResponse startValue(byte[] line, int length) {
    if (tokens.count() != 4 && tokens.count() != 5) {
      throw unexpected(line, length);
    }
    long flags = number(line, tokens.start(2), tokens.length(2), line, length);
    long dataLength = number(line, tokens.start(3), tokens.length(3), line, length);
    if (flags > 0xFFFF_FFFFL || dataLength < 0 || dataLength > maxValueBytes) {
      throw new MalformedReplyException("VALUE line: '" + printable(line, length)
          + "' (expected: flags <= 4294967295 and bytes <= " + maxValueBytes + ")");
    }
    pendingHasCas = tokens.count() == 5;
    pendingCas = pendingHasCas ? number(line, tokens.start(4), tokens.length(4), line, length) : 0;
    pendingKey = tokens.copy(1);
    pendingFlags = (int) flags;
    pendingLength = (int) dataLength;
    state = State.READ_DATA;
    return null;
  }

  /** {@code VA <size> <flags>*}: remembered until the data block is here. */
  private TextResponse startMetaValue(byte[] line, int length) {
    if (tokens.count() < 2) {
      throw unexpected(line, length);
    }
    long dataLength = number(line, tokens.start(1), tokens.length(1), line, length);
    if (dataLength < 0 || dataLength > maxValueBytes) {
      throw new MalformedReplyException("VA line: '" + printable(line, length)
          + "' (expected: size <= " + maxValueBytes + ")");
    }
    pendingMeta = meta(TextResponse.MetaCode.VA, 2, line, length);
    pendingLength = (int) dataLength;
    state = State.READ_DATA;
    return null;
  }

  /** A meta reply whose return flags start at token {@code firstFlag}, with no data. */
  private TextResponse.Meta meta(TextResponse.MetaCode code, int firstFlag, byte[] line, int length) {
    if (tokens.restRemains()) {
      throw unexpected(line, length);
    }
    long flags = 0;
    long cas = 0;
    boolean win = false;
    boolean stale = false;
    boolean winSent = false;
    for (int i = firstFlag; i < tokens.count(); i++) {
      byte flag = tokens.byteAt(i, 0);
      switch (flag) {
        case 'f' -> flags = number(line, tokens.start(i) + 1, tokens.length(i) - 1, line, length);
        case 'c' -> cas = number(line, tokens.start(i) + 1, tokens.length(i) - 1, line, length);
        case 'W' -> win = true;
        case 'X' -> stale = true;
        case 'Z' -> winSent = true;
        default -> {
          if (!isLetter(flag)) {
            throw unexpected(line, length);
          }
        }
      }
    }
    if (flags < 0 || flags > 0xFFFF_FFFFL) {
      throw unexpected(line, length);
    }
    return new TextResponse.Meta(code, NO_DATA, (int) flags, cas, win, stale, winSent);
  }

  private TextResponse readDataBlock(ByteBuf in) {
    if (in.readableBytes() < pendingLength + 2) {
      return null;
    }
    byte[] data = new byte[pendingLength];
    in.readBytes(data);
    if (in.readByte() != '\r' || in.readByte() != '\n') {
      String header = pendingMeta != null ? "VA" : "VALUE " + new String(pendingKey, StandardCharsets.ISO_8859_1);
      throw new MalformedReplyException("data block of " + header + " (expected: followed by \\r\\n)");
    }
    state = State.READ_LINE;
    TextResponse value = pendingMeta != null
        ? new TextResponse.Meta(pendingMeta.code(), data, pendingMeta.flags(), pendingMeta.cas(), pendingMeta.win(),
            pendingMeta.stale(), pendingMeta.winSent())
        : new TextResponse.Value(pendingKey, pendingFlags, data, pendingCas, pendingHasCas);
    pendingKey = null;
    pendingMeta = null;
    return value;
  }

  private TextResponse stat(byte[] line, int length) {
    if (tokens.count() < 2) {
      throw unexpected(line, length);
    }
    return new TextResponse.Stat(tokens.string(1), restAfter(1, line, length));
  }

  private TextResponse error(TextResponse.ErrorKind kind, byte[] line, int length) {
    return new TextResponse.Error(kind, restAfter(0, line, length));
  }

  private TextResponse status(byte[] line, int length) {
    if (tokens.count() == 1) {
      for (int i = 0; i < STATUSES.length; i++) {
        if (tokens.is(0, STATUS_NAMES[i])) {
          return STATUSES[i];
        }
      }
    }
    throw unexpected(line, length);
  }

  /** The rest of the line after token {@code index} and the spaces that follow it. */
  private String restAfter(int index, byte[] line, int length) {
    int from = tokens.end(index);
    while (from < length && line[from] == ' ') {
      from++;
    }
    return new String(line, from, length - from, StandardCharsets.ISO_8859_1);
  }

  private long number(byte[] bytes, int offset, int count, byte[] line, int length) {
    if (!numbers.parseUnsigned64(bytes, offset, count)) {
      throw unexpected(line, length);
    }
    return numbers.value();
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isLetter(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  private static MalformedReplyException unexpected(byte[] line, int length) {
    return new MalformedReplyException("reply line: '" + printable(line, length)
        + "' (expected: a memcached text protocol reply)");
  }

  /** The line for an error message: at most 100 characters, control bytes escaped. */
  private static String printable(byte[] line, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(length, 100); i++) {
      int b = line[i] & 0xFF;
      if (b < 0x20 || b == 0x7F) {
        text.append(String.format("\\x%02x", b));
      } else {
        text.append((char) b);
      }
    }
    return length > 100 ? text + "..." : text.toString();
  }
}
