package dev.larder.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Decodes the replies of memcached's text and meta protocols; skips value data without copying it. */
final class TextReplyDecoder implements ReplyDecoder {
  /** The longest reply line accepted; memcached's are far shorter. */
  static final int MAX_LINE_LENGTH = 8192;

  private static final LineToken[] TOKENS = {
      new LineToken("VALUE", Reply.HIT, 3),
      new LineToken("VA", Reply.HIT, 1),
      new LineToken("END", Reply.END, -1),
      new LineToken("EN", Reply.MISS, -1),
      new LineToken("STORED", Reply.STORED, -1),
      new LineToken("HD", Reply.STORED, -1),
      new LineToken("MN", Reply.NO_OP, -1),
      new LineToken("NOT_STORED", Reply.NOT_STORED, -1),
      new LineToken("NS", Reply.NOT_STORED, -1),
      new LineToken("EXISTS", Reply.NOT_STORED, -1),
      new LineToken("EX", Reply.NOT_STORED, -1),
      new LineToken("NOT_FOUND", Reply.NOT_STORED, -1),
      new LineToken("NF", Reply.NOT_STORED, -1),
      new LineToken("ERROR", Reply.ERROR, -1),
      new LineToken("CLIENT_ERROR", Reply.ERROR, -1),
      new LineToken("SERVER_ERROR", Reply.ERROR, -1),
  };

  /** Bytes of value data still to skip before its CRLF, or -1 while reading lines. */
  private long dataRemaining = -1;

  @Override
  public void decode(ByteBuf in, ReplyListener listener) {
    while (dataRemaining >= 0 ? readData(in, listener) : readLine(in, listener)) {
      // each step consumed one reply, or one reply's data
    }
  }

  private boolean readData(ByteBuf in, ReplyListener listener) {
    int skip = (int) Math.min(dataRemaining, in.readableBytes());
    in.skipBytes(skip);
    dataRemaining -= skip;
    if (dataRemaining > 0 || in.readableBytes() < 2) {
      return false;
    }
    if (in.readByte() != '\r' || in.readByte() != '\n') {
      throw new ReplyFormatException("value data not followed by \\r\\n");
    }
    dataRemaining = -1;
    listener.onReply(Reply.HIT);
    return true;
  }

  private boolean readLine(ByteBuf in, ReplyListener listener) {
    int start = in.readerIndex();
    int newline = in.indexOf(start, in.writerIndex(), (byte) '\n');
    if (newline < 0) {
      if (in.readableBytes() > MAX_LINE_LENGTH) {
        throw new ReplyFormatException("reply line longer than " + MAX_LINE_LENGTH + " bytes");
      }
      return false;
    }
    if (newline == start || in.getByte(newline - 1) != '\r') {
      throw new ReplyFormatException("reply line not ended by \\r\\n: " + text(in, start, newline));
    }
    int end = newline - 1;
    in.readerIndex(newline + 1);
    LineToken token = tokenOf(in, start, end);
    if (token.lengthField() < 0) {
      listener.onReply(token.reply());
      return true;
    }
    dataRemaining = field(in, start, end, token.lengthField());
    return true;
  }

  private static LineToken tokenOf(ByteBuf in, int start, int end) {
    int tokenEnd = in.indexOf(start, end, (byte) ' ');
    int length = (tokenEnd < 0 ? end : tokenEnd) - start;
    for (LineToken token : TOKENS) {
      if (token.matches(in, start, length)) {
        return token;
      }
    }
    throw new ReplyFormatException("unknown reply: " + text(in, start, end));
  }

  /** The unsigned decimal number in the space-separated field {@code index} of the line. */
  private static long field(ByteBuf in, int start, int end, int index) {
    int position = start;
    for (int i = 0; i < index; i++) {
      position = in.indexOf(position, end, (byte) ' ');
      if (position < 0) {
        throw new ReplyFormatException("no length in value line: " + text(in, start, end));
      }
      position++;
    }
    long value = 0;
    int digits = 0;
    for (; position < end && in.getByte(position) != ' '; position++, digits++) {
      int digit = in.getByte(position) - '0';
      if (digit < 0 || digit > 9 || digits >= 10) {
        throw new ReplyFormatException("bad length in value line: " + text(in, start, end));
      }
      value = value * 10 + digit;
    }
    if (digits == 0) {
      throw new ReplyFormatException("no length in value line: " + text(in, start, end));
    }
    return value;
  }

  private static String text(ByteBuf in, int start, int end) {
    return in.toString(start, Math.min(end - start, 200), StandardCharsets.US_ASCII);
  }

  /** A reply's first word, what it means, and which field holds the data length (-1: no data). */
  private record LineToken(byte[] word, Reply reply, int lengthField) {
    LineToken(String word, Reply reply, int lengthField) {
      this(word.getBytes(StandardCharsets.US_ASCII), reply, lengthField);
    }

    boolean matches(ByteBuf in, int start, int length) {
      if (length != word.length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (in.getByte(start + i) != word[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
