package dev.larder.protocol.text;

import dev.larder.protocol.ByteRange;
import dev.larder.protocol.ValueReader;
import dev.larder.protocol.meta.MetaBase64;
import dev.larder.protocol.meta.MetaReplies;

/**
 * Parses the meta command lines ({@code mg ms md ma mn me}) of {@link TextRequestDecoder}, in
 * memcached 1.6.18's order of checks, so that a bad line gets memcached's error (proto_text.c:
 * {@code process_mget_command}, {@code process_mset_command}, {@code _meta_flag_preparse}, ...).
 */
final class MetaCommandParser {
  /** memcached's {@code MFLAG_MAX_OPT_LENGTH}: more tokens than this (with the terminal one) are refused. */
  static final int MAX_TOKENS = 20;
  /** memcached's {@code MFLAG_MAX_OPAQUE_LENGTH}. */
  static final int MAX_OPAQUE_LENGTH = 32;
  /** The first byte of a flag token must be below this ({@code _meta_flag_preparse}'s table). */
  private static final int FLAG_LIMIT = 127;

  /** What a meta line asks of the decoder. */
  sealed interface MetaLine {}

  /** A finished request; then {@code swallow} bytes of input are dropped (the data of a refused ms). */
  record Done(TextRequest request, long swallow) implements MetaLine {}

  /**
   * An ms line whose data block of {@link #valueLength} bytes (and {@code \r\n}) is to be read next,
   * to complete {@code set}; {@code request} is the set as a text request.
   */
  record AwaitValue(MetaRequest.Set set, TextRequest request) implements MetaLine {}

  private static final Done NOOP = new Done(new TextRequest.Meta(new MetaRequest.Noop()), 0);

  private final int maxValueBytes;
  /** Every line's flags are read into this one. */
  private final Flags flags = new Flags();
  /** Every mg's outcome: its request's key and flags are those just read. */
  private final Done getDone = new Done(new TextRequest.Meta(new MetaRequest.Get(flags.key, flags.parsed)), 0);
  /** Every ms, its key and flags those just read, its data set by the decoder. */
  private final MetaRequest.Set set = new MetaRequest.Set(flags.key, flags.parsed);
  private final AwaitValue awaitSet = new AwaitValue(set, new TextRequest.Meta(set));
  /** Every md's and ma's outcome, as getDone's. */
  private final Done deleteDone = new Done(new TextRequest.Meta(new MetaRequest.Delete(flags.key, flags.parsed)), 0);
  private final Done arithmeticDone =
      new Done(new TextRequest.Meta(new MetaRequest.Arithmetic(flags.key, flags.parsed)), 0);
  private int valueLength;

  MetaCommandParser(int maxValueBytes) {
    this.maxValueBytes = maxValueBytes;
  }

  /** Parses the line in {@code tokens}, whose command token is two bytes starting with 'm'. */
  MetaLine parse(CommandTokens tokens) {
    byte command = tokens.byteAt(0, 1);
    if (command == 'n') {
      return NOOP;
    }
    if (command == 'e') {
      return debug(tokens);
    }
    if (command != 'g' && command != 's' && command != 'd' && command != 'a') {
      return error(TextReplies.ERROR);
    }
    if (tokens.ntokens() < 3) {
      return error(TextReplies.ERROR);
    }
    if (tokens.length(1) > TextRequestDecoder.MAX_KEY_LENGTH) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT);
    }
    return switch (command) {
      case 'g' -> get(tokens);
      case 's' -> set(tokens);
      case 'd' -> delete(tokens);
      default -> arithmetic(tokens);
    };
  }

  /** Lets go of the arrays the last request pointed into: its line, a decoded key, ms's data. */
  void clear() {
    set.setData(ValueReader.NO_VALUE);
    flags.parsed.opaque.clear();
    flags.tokens = null;
    flags.key.clear();
  }

  /** The length of the data block of the ms line that {@link #parse} last answered {@link AwaitValue}. */
  int valueLength() {
    return valueLength;
  }

  private MetaLine get(CommandTokens tokens) {
    if (tokens.ntokens() > MAX_TOKENS) {
      return error(MetaReplies.TOO_MANY_GET_FLAGS);
    }
    Flags flags = this.flags.read(tokens, 2);
    if (flags.error != null) {
      return error(flags.error);
    }
    if (flags.opaqueTooLong()) {
      return error(MetaReplies.OPAQUE_TOO_LONG);
    }
    return getDone;
  }

  /** {@code process_mset_command}: once the length is known, a refused line's data is dropped. */
  private MetaLine set(CommandTokens tokens) {
    if (tokens.ntokens() == 3) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT);
    }
    if (tokens.ntokens() > MAX_TOKENS) {
      return error(MetaReplies.TOO_MANY_FLAGS);
    }
    MemcachedNumbers numbers = this.flags.numbers;
    if (!numbers.parseSigned32(tokens.line(), tokens.start(2), tokens.length(2))
        || numbers.value() < 0 || numbers.value() > Integer.MAX_VALUE - 2) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT);
    }
    int declaredLength = (int) numbers.value();
    long swallow = declaredLength + 2L;
    Flags flags = this.flags.read(tokens, 3);
    if (flags.error != null) {
      return new Done(new TextRequest.ErrorReply(flags.error, false), swallow);
    }
    byte mode = flags.parsed.mode();
    if (mode != 0 && mode != 'E' && mode != 'A' && mode != 'P' && mode != 'R' && mode != 'S') {
      return new Done(new TextRequest.ErrorReply(MetaReplies.INVALID_SET_MODE, false), swallow);
    }
    if (flags.opaqueTooLong()) {
      return new Done(new TextRequest.ErrorReply(MetaReplies.OPAQUE_TOO_LONG, false), swallow);
    }
    if (declaredLength > maxValueBytes) {
      return new Done(new TextRequest.Meta(new MetaRequest.SetTooLarge(flags.key.copy(), flags.parsed)), swallow);
    }
    valueLength = declaredLength;
    return awaitSet;
  }

  private MetaLine delete(CommandTokens tokens) {
    if (tokens.ntokens() > MAX_TOKENS) {
      return error(MetaReplies.TOO_MANY_FLAGS);
    }
    Flags flags = this.flags.read(tokens, 2);
    if (flags.error != null) {
      return error(MetaReplies.INVALID_OR_DUPLICATE_FLAG);
    }
    if (flags.opaqueTooLong()) {
      return error(MetaReplies.OPAQUE_TOO_LONG);
    }
    return deleteDone;
  }

  /**
   * memcached refuses a too-long opaque token of ma only after applying the delta; Larder refuses it
   * before, which answers the same.
   */
  private MetaLine arithmetic(CommandTokens tokens) {
    if (tokens.ntokens() > MAX_TOKENS) {
      return error(MetaReplies.TOO_MANY_FLAGS);
    }
    Flags flags = this.flags.read(tokens, 2);
    if (flags.error != null) {
      return error(MetaReplies.INVALID_OR_DUPLICATE_FLAG);
    }
    byte mode = flags.parsed.mode();
    if (mode != 0 && mode != 'I' && mode != '+' && mode != 'D' && mode != '-') {
      return error(MetaReplies.INVALID_ARITHMETIC_MODE);
    }
    if (flags.opaqueTooLong()) {
      return error(MetaReplies.OPAQUE_TOO_LONG);
    }
    return arithmeticDone;
  }

  /** {@code process_meta_command}: {@code me <key> [b]}; a third token other than b is ignored. */
  private static MetaLine debug(CommandTokens tokens) {
    if (tokens.ntokens() < 3 || tokens.length(1) > TextRequestDecoder.MAX_KEY_LENGTH) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT);
    }
    boolean base64 = tokens.ntokens() >= 4 && tokens.length(2) == 1 && tokens.byteAt(2, 0) == 'b';
    byte[] key = base64 ? MetaBase64.decode(tokens.line(), tokens.start(1), tokens.length(1)) : tokens.copy(1);
    if (key == null) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT);
    }
    return done(new MetaRequest.Debug(key, base64));
  }

  private static MetaLine done(MetaRequest request) {
    return new Done(new TextRequest.Meta(request), 0);
  }

  private static MetaLine error(byte[] line) {
    return new Done(new TextRequest.ErrorReply(line, false), 0);
  }

  /**
   * {@code _meta_flag_preparse} over the tokens from {@code first} on, into {@link #parsed}. A repeated
   * or unknown flag stops it at once; other errors are noted and parsing goes on, the last one noted
   * winning, as in memcached. The key is decoded here when {@code b} is among the flags.
   */
  private static final class Flags {
    final MetaFlags parsed = new MetaFlags(MAX_TOKENS);
    final MemcachedNumbers numbers = new MemcachedNumbers();
    /** A bit for each flag seen, flags 0 to 63 in the first word, 64 to 126 in the second. */
    final long[] seen = new long[2];
    CommandTokens tokens;
    /** The key: a range of the line, or the whole of the array its base64 decodes to. */
    final ByteRange key = new ByteRange();
    byte[] error;
    int opaqueToken;

    /** Reads the flags of the line in {@code tokens}, from token {@code first} on; returns this. */
    Flags read(CommandTokens lineTokens, int first) {
      tokens = lineTokens;
      key.set(tokens.line(), tokens.start(1), tokens.length(1));
      seen[0] = 0;
      seen[1] = 0;
      error = null;
      opaqueToken = -1;
      parsed.reset();
      for (int i = first; i < tokens.count(); i++) {
        int flag = tokens.byteAt(i, 0) & 0xFF;
        long bit = 1L << flag; // shifts by flag % 64
        if (flag >= FLAG_LIMIT || (seen[flag >> 6] & bit) != 0) {
          error = MetaReplies.DUPLICATE_FLAG;
          return this;
        }
        seen[flag >> 6] |= bit;
        if (!parse(i, (char) flag)) {
          error = MetaReplies.INVALID_FLAG;
          return this;
        }
        parsed.order[parsed.count++] = (byte) flag;
      }
      if (opaqueToken >= 0) {
        parsed.opaque.set(tokens.line(), tokens.start(opaqueToken), tokens.length(opaqueToken));
      }
      return this;
    }

    /** Reads flag token {@code i}; false for a flag memcached does not know. */
    private boolean parse(int i, char flag) {
      switch (flag) {
        case 'b' -> {
          parsed.base64Key = true;
          byte[] decoded = MetaBase64.decode(tokens.line(), tokens.start(1), tokens.length(1));
          if (decoded == null) {
            error = MetaReplies.KEY_NOT_DECODED;
          } else {
            key.set(decoded, 0, decoded.length);
          }
        }
        case 'N' -> parsed.vivifyTtl = time(i);
        case 'T' -> parsed.ttl = time(i);
        case 'R' -> parsed.recacheTtl = time(i);
        case 'O' -> opaqueToken = i;
        case 'q' -> parsed.quiet = true;
        case 'v' -> parsed.value = true;
        case 'u' -> parsed.noBump = true;
        case 'I' -> parsed.invalidate = true;
        case 'F' -> {
          if (numbers.parseUnsigned32(tokens.line(), tokens.start(i) + 1, tokens.length(i) - 1)) {
            parsed.clientFlags = (int) numbers.value();
          } else {
            error = error == null ? TextReplies.BAD_COMMAND_LINE_FORMAT : error; // no message of its own
          }
        }
        case 'C' -> {
          parsed.hasCompareCas = unsigned64(i, MetaReplies.BAD_TOKEN);
          parsed.compareCas = parsed.hasCompareCas ? numbers.value() : 0;
        }
        case 'M' -> {
          if (tokens.length(i) != 2) {
            error = MetaReplies.BAD_MODE_LENGTH;
          } else {
            parsed.mode = tokens.byteAt(i, 1);
          }
        }
        case 'J' -> {
          if (unsigned64(i, MetaReplies.INVALID_INITIAL)) {
            parsed.initial = numbers.value();
          }
        }
        case 'D' -> {
          if (unsigned64(i, MetaReplies.INVALID_DELTA)) {
            parsed.delta = numbers.value();
          }
        }
        // Known flags that only shape the reply, or that memcached's proxy uses.
        case 'k', 's', 't', 'c', 'f', 'h', 'l', 'P', 'L' -> { }
        default -> {
          return false;
        }
      }
      return true;
    }

    /** A T/N/R exptime; on a bad number notes the error and returns {@link MetaFlags#ABSENT}. */
    private long time(int i) {
      if (!numbers.parseSigned32(tokens.line(), tokens.start(i) + 1, tokens.length(i) - 1)) {
        error = MetaReplies.BAD_TOKEN;
        return MetaFlags.ABSENT;
      }
      return numbers.value();
    }

    /** Whether flag token {@code i} holds a 64-bit unsigned number, then in {@link #numbers}; else notes {@code errorLine}. */
    private boolean unsigned64(int i, byte[] errorLine) {
      if (!numbers.parseUnsigned64(tokens.line(), tokens.start(i) + 1, tokens.length(i) - 1)) {
        error = errorLine;
        return false;
      }
      return true;
    }

    boolean opaqueTooLong() {
      return opaqueToken >= 0 && tokens.length(opaqueToken) > MAX_OPAQUE_LENGTH;
    }

  }
}
