package dev.larder.protocol.text;

import dev.larder.protocol.BytesToDrop;
import dev.larder.protocol.ReplyParts;
import dev.larder.protocol.ReusedBytes;
import dev.larder.protocol.ValueReader;
import dev.larder.protocol.text.TextRequest.CloseReason;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the text protocol bytes of one connection into {@link TextRequest}s, mirroring memcached
 * 1.6.18's {@code try_read_command_ascii} and {@code process_command_ascii}: the same tokens, number
 * rules, limits and error replies, so that the same bytes get the same answer.
 *
 * <p>Not thread-safe: one instance per connection, fed the connection's cumulated input. Memory stays
 * bounded: an unterminated line is never held past {@link #MAX_UNTERMINATED_LINE} bytes (get lines
 * past {@link #MAX_GET_LINE}), and a data block is only awaited when it fits the value limit; a
 * larger one is dropped as it arrives.
 */
public final class TextRequestDecoder {
  /** memcached closes a connection that sent this many bytes without a newline, unless it is a get. */
  public static final int MAX_UNTERMINATED_LINE = 2048;

  /**
   * memcached lets multiget lines grow without bound; Larder closes past 1 MiB of keys and then some,
   * which is more than 4,000 keys of 250 bytes.
   */
  public static final int MAX_GET_LINE = (1 << 20) + MAX_UNTERMINATED_LINE;

  /** memcached's {@code KEY_MAX_LENGTH}. */
  public static final int MAX_KEY_LENGTH = 250;

  /** memcached gives up on a long unterminated line that starts with more spaces than this. */
  static final int MAX_LEADING_SPACES = 100;

  /**
   * Lines and data blocks up to this size are copied into arrays kept for the connection's life; longer
   * data blocks are handed on where they arrived ({@link ValueReader}).
   */
  private static final int REUSED_BUFFER_LIMIT = 16 * 1024;

  /** What the decoder is in the middle of. */
  private enum State {
    /** Waiting for a complete command line. */
    READ_LINE,
    /** A storage command's line was read; waiting for its data block and {@code \r\n}. */
    READ_DATA,
    /** Dropping the data block of a value that is too large, as it arrives. */
    SWALLOW
  }

  /** The commands {@link #parseCommand} knows, the commonest first; see {@link #commandName}. */
  private static final String[] COMMANDS = {"set", "get", "gets", "gat", "gats", "delete", "incr", "decr", "touch",
      "add", "append", "replace", "prepend", "cas", "bget", "stats", "version", "quit", "flush_all", "verbosity",
      "cache_memlimit", "shutdown", "slabs", "lru", "lru_crawler", "watch"};
  private static final byte[][] COMMAND_BYTES =
      Arrays.stream(COMMANDS).map(TextRequestDecoder::ascii).toArray(byte[][]::new);
  private static final byte[] GET_PREFIX = ascii("get ");
  private static final byte[] GETS_PREFIX = ascii("gets ");
  private static final byte[] MG_PREFIX = ascii("mg ");
  private static final byte[] HTTP_PREFIX = ascii("HTTP/");
  private static final byte[] NOREPLY = ascii("noreply");
  private static final byte[] ZERO = ascii("0");
  private static final byte[] GRACEFUL = ascii("graceful");
  private static final TextRequest VERSION = new TextRequest.Version();
  private static final TextRequest QUIT = new TextRequest.Quit();

  private final int maxValueBytes;
  /**
   * A get line's keys are handed over this many at a time ({@link TextRequest.Retrieve#last}), and
   * this many mg lines at most make a run, so that the reply to a get of thousands of large values is
   * written a part at a time, as the client reads it, not all at once into memory ({@link ReplyParts}).
   */
  private final int keysPerPart;
  private final CommandTokens tokens = new CommandTokens();
  private final MemcachedNumbers numbers = new MemcachedNumbers();
  /** Every retrieval's keys: ranges of the line, so that the commonest requests allocate nothing. */
  private final RetrievalKeys retrievalKeys = new RetrievalKeys();
  /** All the keys of the last get line with several; its parts' keys are copied to retrievalKeys. */
  private final RetrievalKeys lineKeys = new RetrievalKeys();
  /** The first key of {@link #lineKeys} not handed over yet. */
  private int nextKey;
  private final TextRequest.Retrieve retrieveRequest = new TextRequest.Retrieve(false, false, 0, retrievalKeys, false);
  private final MetaCommandParser metaParser;
  private final ReusedBytes lineBuffer = new ReusedBytes(256, REUSED_BUFFER_LIMIT);
  private final ValueReader dataBlocks = new ValueReader(256, REUSED_BUFFER_LIMIT);
  private State state = State.READ_LINE;
  /** Bytes of the current line already searched for a newline, so long lines are not rescanned. */
  private int scannedLineBytes;
  private final BytesToDrop toDrop = new BytesToDrop();
  /** Every storage command, filled from its line and then from its data block. */
  private final TextRequest.Store store = new TextRequest.Store();
  private final TextRequest.Delete deleteRequest = new TextRequest.Delete();
  private final TextRequest.IncrDecr incrDecrRequest = new TextRequest.IncrDecr();
  private final TextRequest.Touch touchRequest = new TextRequest.Touch();
  /** The length of the data block awaited. */
  private int pendingLength;
  /** An ms line awaiting its data block; null while the pending block is a storage command's. */
  private MetaCommandParser.AwaitValue pendingMetaSet;
  /** Runs of mg lines ({@link #metaGetRun}); made for the first run a connection sends. */
  private MetaRequest.Gets metaGets;
  private TextRequest metaGetsRequest;

  /**
   * @param maxValueBytes the largest data block accepted; a storage command declaring more is answered
   *     {@link TextRequest.ValueTooLarge} and its data dropped
   */
  public TextRequestDecoder(int maxValueBytes) {
    if (maxValueBytes < 0) {
      throw new IllegalArgumentException("maxValueBytes: " + maxValueBytes + " (expected: >= 0)");
    }
    this.maxValueBytes = maxValueBytes;
    this.keysPerPart = ReplyParts.keysPerPart(maxValueBytes);
    this.metaParser = new MetaCommandParser(maxValueBytes);
  }

  /**
   * Consumes the bytes of at most one request (or of one run of {@code mg} lines, {@link
   * MetaRequest.Gets}) from {@code in} and returns it, or returns null when more bytes are needed;
   * then it has consumed nothing, or only bytes it keeps in its own state: the line of a storage
   * command awaiting its data block, or bytes of a too-large value that it drops. A get line with
   * more than {@link ReplyParts#keysPerPart} keys is returned in parts, the later ones without reading
   * {@code in} ({@link #hasMoreKeys}). After a {@link TextRequest.Close} the connection is to be
   * closed and the decoder not used again.
   *
   * <p>The keys and data of retrievals, commands on one key and meta commands, and the flags of meta
   * commands, are ranges of the decoder's own buffers (a long data block: of {@code in}), and such a
   * request may be an object the decoder returned before: it is to be carried out before the next call,
   * and before {@code in} is changed.
   */
  public TextRequest decode(ByteBuf in) {
    if (hasMoreKeys()) {
      return nextRetrievalPart();
    }
    release();
    while (true) {
      switch (state) {
        case SWALLOW -> {
          if (!toDrop.dropFrom(in)) {
            return null;
          }
          state = State.READ_LINE;
        }
        case READ_DATA -> {
          return readDataBlock(in);
        }
        case READ_LINE -> {
          TextRequest request = readLine(in);
          if (request != null || state == State.READ_LINE) {
            return request;
          }
          // A storage command's line was taken; its data block may already be here.
        }
      }
    }
  }

  /**
   * The bytes, from the input's reader index on, that the request under way needs whole when it is a
   * storage command whose line is read and whose data block is long ({@link ValueReader#isLong}): the
   * block and its {@code \r\n}, which a caller may make room for in one buffer. Otherwise 0.
   */
  public int longValueAwaited() {
    return state == State.READ_DATA && dataBlocks.isLong(pendingLength) ? pendingLength + 2 : 0;
  }

  /**
   * Whether the last get line has keys left to hand over: the next {@code decode} returns them,
   * without reading {@code in}.
   */
  public boolean hasMoreKeys() {
    return nextKey < lineKeys.size();
  }

  /**
   * Lets go of the arrays the last request pointed into, which may be a huge line of its own or a view
   * of a large input buffer, so that an idle connection does not keep them: for the caller to call once
   * it has carried out the requests it decoded, and done at the start of every {@code decode}. Nothing
   * is let go while a data block is awaited (its command's key is still in the line), nor while a get
   * line has keys left to hand over.
   */
  public void release() {
    if (state == State.READ_DATA || hasMoreKeys()) {
      return;
    }
    tokens.clear();
    retrievalKeys.clear();
    lineKeys.clear();
    nextKey = 0;
    store.clear();
    deleteRequest.clear();
    incrDecrRequest.clear();
    touchRequest.clear();
    metaParser.clear();
  }

  /**
   * The next line's request; an {@code mg} followed by more {@code mg} lines that are already here
   * whole becomes one {@link MetaRequest.Gets} with them, so that the engine looks them up together.
   */
  private TextRequest readLine(ByteBuf in) {
    TextRequest request = readOneLine(in);
    MetaRequest.Get first = metaGet(request);
    return first != null && metaGetFollows(in) ? metaGetRun(in, first) : request;
  }

  /**
   * Takes {@code first} and the whole {@code mg} lines after it (at least one, {@link #metaGetFollows})
   * into one run, up to {@link #keysPerPart}; a line that is not a valid mg is left in
   * {@code in}, to be answered on its own after the run.
   */
  private TextRequest metaGetRun(ByteBuf in, MetaRequest.Get first) {
    if (metaGets == null) {
      metaGets = new MetaRequest.Gets();
      metaGetsRequest = new TextRequest.Meta(metaGets);
    }
    metaGets.clear();
    metaGets.add(first);
    do {
      int lineStart = in.readerIndex();
      MetaRequest.Get next = metaGet(readOneLine(in));
      if (next == null) {
        in.readerIndex(lineStart);
        break;
      }
      metaGets.add(next);
    } while (metaGets.size() < keysPerPart && metaGetFollows(in));
    return metaGetsRequest;
  }

  /** The mg that {@code request} is, or null. */
  private static MetaRequest.Get metaGet(TextRequest request) {
    return request instanceof TextRequest.Meta meta && meta.request() instanceof MetaRequest.Get get ? get : null;
  }

  /** Whether {@code in} starts with a whole line that starts with {@code "mg "}. */
  private static boolean metaGetFollows(ByteBuf in) {
    int start = in.readerIndex();
    return in.readableBytes() > MG_PREFIX.length && startsWith(in, start, MG_PREFIX)
        && in.indexOf(start + MG_PREFIX.length, in.writerIndex(), (byte) '\n') >= 0;
  }

  private TextRequest readOneLine(ByteBuf in) {
    int readable = in.readableBytes();
    int newline = in.indexOf(in.readerIndex() + scannedLineBytes, in.writerIndex(), (byte) '\n');
    if (newline < 0) {
      scannedLineBytes = readable;
      return unterminatedLine(in, readable);
    }
    scannedLineBytes = 0;
    int lineLength = newline - in.readerIndex();
    if (lineLength > MAX_GET_LINE) {
      in.skipBytes(readable);
      return new TextRequest.Close(CloseReason.GET_LINE_TOO_LONG);
    }
    byte[] line = lineBuffer.forLength(lineLength);
    in.readBytes(line, 0, lineLength);
    in.skipBytes(1);
    // memcached strips one '\r' before the '\n', but not from a line that is only "\r".
    int length = lineLength > 1 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
    TextRequest get = singleKeyGet(line, length);
    if (get != null) {
      return get;
    }
    // memcached handles the line as a C string: it ends at the first NUL.
    for (int i = 0; i < length; i++) {
      if (line[i] == 0) {
        length = i;
        break;
      }
    }
    return parseCommand(line, length);
  }

  /**
   * The commonest line, {@code get <key>}, read in one pass; null for any other line, which {@link
   * #parseCommand} reads to the same request through the general rules (tokens, NULs, key limits).
   */
  private TextRequest singleKeyGet(byte[] line, int length) {
    int from = GET_PREFIX.length;
    int keyLength = length - from;
    if (keyLength < 1 || keyLength > MAX_KEY_LENGTH || !Arrays.equals(line, 0, from, GET_PREFIX, 0, from)) {
      return null;
    }
    for (int i = from; i < length; i++) {
      if (line[i] == ' ' || line[i] == 0) {
        return null;
      }
    }
    retrievalKeys.reset(line);
    retrievalKeys.add(from, keyLength);
    retrieveRequest.set(false, false, 0, false);
    retrieveRequest.last(true);
    return retrieveRequest;
  }

  /** memcached's rule for input with no newline yet: wait, unless it cannot be a multiget. */
  private TextRequest unterminatedLine(ByteBuf in, int readable) {
    if (readable <= MAX_UNTERMINATED_LINE) {
      return null;
    }
    int start = in.readerIndex();
    int spaces = 0;
    while (spaces < readable && in.getByte(start + spaces) == ' ') {
      spaces++;
    }
    if (spaces > MAX_LEADING_SPACES
        || !(startsWith(in, start + spaces, GET_PREFIX) || startsWith(in, start + spaces, GETS_PREFIX))) {
      in.skipBytes(readable);
      scannedLineBytes = 0;
      return new TextRequest.Close(CloseReason.LINE_TOO_LONG);
    }
    if (readable > MAX_GET_LINE) {
      in.skipBytes(readable);
      scannedLineBytes = 0;
      return new TextRequest.Close(CloseReason.GET_LINE_TOO_LONG);
    }
    return null;
  }

  private TextRequest readDataBlock(ByteBuf in) {
    if (in.readableBytes() < pendingLength + 2) {
      return null;
    }
    ByteBuffer data = dataBlocks.read(in, pendingLength);
    boolean terminated = in.readByte() == '\r' & in.readByte() == '\n';
    state = State.READ_LINE;
    if (pendingMetaSet != null) {
      MetaCommandParser.AwaitValue awaited = pendingMetaSet;
      pendingMetaSet = null;
      if (!terminated) {
        return new TextRequest.BadDataChunk(StorageCommand.SET, false); // whatever ms's q flag says
      }
      awaited.set().setData(data);
      return awaited.request();
    }
    if (!terminated) {
      return new TextRequest.BadDataChunk(store.command(), store.noreply());
    }
    store.setData(data);
    return store;
  }

  /** {@code process_command_ascii}: dispatch on the first token as memcached does, letter first. */
  private TextRequest parseCommand(byte[] line, int length) {
    tokens.tokenize(line, length);
    int ntokens = tokens.ntokens();
    if (ntokens < 2 || tokens.length(0) < 2) {
      return error(TextReplies.ERROR);
    }
    String command = commandName();
    byte first = tokens.byteAt(0, 0);
    if (first == 'm' && tokens.length(0) == 2) {
      return meta(metaParser.parse(tokens));
    }
    if (first == 'g') {
      if (ntokens < 3) {
        return error(TextReplies.ERROR);
      }
      return switch (command) {
        case "get" -> retrieve(line, length, false, false);
        case "gets" -> retrieve(line, length, true, false);
        case "gat" -> retrieve(line, length, false, true);
        case "gats" -> retrieve(line, length, true, true);
        default -> error(TextReplies.ERROR);
      };
    }
    return switch (command) {
      case "set" -> storage(StorageCommand.SET, ntokens == 6 || ntokens == 7);
      case "add" -> storage(StorageCommand.ADD, ntokens == 6 || ntokens == 7);
      case "append" -> storage(StorageCommand.APPEND, ntokens == 6 || ntokens == 7);
      case "replace" -> storage(StorageCommand.REPLACE, ntokens == 6 || ntokens == 7);
      case "prepend" -> storage(StorageCommand.PREPEND, ntokens == 6 || ntokens == 7);
      case "cas" -> storage(StorageCommand.CAS, ntokens == 7 || ntokens == 8);
      case "stats" -> stats();
      case "shutdown" -> shutdown();
      case "cache_memlimit" -> ntokens == 3 || ntokens == 4 ? cacheMemlimit() : error(TextReplies.ERROR);
      case "incr" -> ntokens == 4 || ntokens == 5 ? incrDecr(true) : error(TextReplies.ERROR);
      case "decr" -> ntokens == 4 || ntokens == 5 ? incrDecr(false) : error(TextReplies.ERROR);
      case "delete" -> ntokens >= 3 && ntokens <= 5 ? delete() : error(TextReplies.ERROR);
      case "touch" -> ntokens == 4 || ntokens == 5 ? touch() : error(TextReplies.ERROR);
      case "bget" -> ntokens >= 3 ? retrieve(line, length, false, false) : error(TextReplies.ERROR);
      case "flush_all" -> ntokens >= 2 && ntokens <= 4 ? flushAll() : error(TextReplies.ERROR);
      case "version" -> VERSION;
      case "quit" -> QUIT;
      case "verbosity" -> ntokens == 3 || ntokens == 4 ? verbosity() : error(TextReplies.ERROR);
      // memcached's administration commands that Larder has no equivalent for.
      case "slabs", "lru", "lru_crawler", "watch" -> error(TextReplies.ERROR);
      default -> unknown(first);
    };
  }

  /** The first token as the constant of {@link #COMMANDS} it spells, so that no string is made; "" if none. */
  private String commandName() {
    for (int i = 0; i < COMMANDS.length; i++) {
      if (tokens.is(0, COMMAND_BYTES[i])) {
        return COMMANDS[i];
      }
    }
    return "";
  }

  /** Carries out what a meta line asks: a request, then maybe dropping data; or awaiting ms's data block. */
  private TextRequest meta(MetaCommandParser.MetaLine line) {
    if (line instanceof MetaCommandParser.AwaitValue awaited) {
      state = State.READ_DATA;
      pendingMetaSet = awaited;
      pendingLength = metaParser.valueLength();
      return null;
    }
    MetaCommandParser.Done done = (MetaCommandParser.Done) line;
    if (done.swallow() > 0) {
      state = State.SWALLOW;
      toDrop.start(done.swallow());
    }
    return done.request();
  }

  /**
   * Commands memcached knows under a first letter it dispatches on answer ERROR when misspelt; only a
   * command outside those letters is checked for an HTTP request line.
   */
  private TextRequest unknown(byte first) {
    boolean dispatchedByLetter =
        first == 'g' || first == 's' || first == 'a' || first == 'c' || first == 'i' || first == 'd' || first == 't';
    if (!dispatchedByLetter && tokens.startsWith(tokens.count() - 1, HTTP_PREFIX)) {
      return new TextRequest.Close(CloseReason.HTTP_REQUEST);
    }
    return error(TextReplies.ERROR);
  }

  /**
   * get/gets/gat/gats/bget: memcached reads the keys in batches of tokens, which splits the same way
   * as reading them all at once; it stops at the first key over {@link #MAX_KEY_LENGTH}.
   */
  private TextRequest retrieve(byte[] line, int length, boolean returnCas, boolean touch) {
    long exptime = 0;
    int keysFrom = tokens.end(0);
    if (touch) {
      if (!signed32(1)) {
        return error(TextReplies.INVALID_EXPTIME);
      }
      exptime = numbers.value();
      keysFrom = tokens.end(1);
    }
    lineKeys.reset(line);
    boolean tooLongKeyFollows = false;
    int start = keysFrom;
    while (start < length) {
      if (line[start] == ' ') {
        start++;
        continue;
      }
      int end = start;
      while (end < length && line[end] != ' ') {
        end++;
      }
      if (end - start > MAX_KEY_LENGTH) {
        tooLongKeyFollows = true;
        break;
      }
      lineKeys.add(start, end - start);
      start = end;
    }
    retrieveRequest.set(returnCas, touch, exptime, tooLongKeyFollows);
    nextKey = 0;
    return nextRetrievalPart();
  }

  /**
   * The next {@link #keysPerPart} keys of the get line; a line with a key too long is one part, as
   * memcached answers it with an error and none of its values.
   */
  private TextRequest nextRetrievalPart() {
    int end = retrieveRequest.tooLongKeyFollows()
        ? lineKeys.size()
        : Math.min(lineKeys.size(), nextKey + keysPerPart);
    retrievalKeys.reset(lineKeys.line());
    for (int i = nextKey; i < end; i++) {
      retrievalKeys.add(lineKeys.offset(i), lineKeys.length(i));
    }
    nextKey = end;
    retrieveRequest.last(!hasMoreKeys());
    return retrieveRequest;
  }

  /** {@code process_update_command}. */
  private TextRequest storage(StorageCommand command, boolean tokenCountOk) {
    if (!tokenCountOk) {
      return error(TextReplies.ERROR);
    }
    boolean noreply = lastTokenIsNoreply();
    if (tokens.length(1) > MAX_KEY_LENGTH) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    if (!unsigned32(2)) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    int flags = (int) numbers.value();
    if (!signed32(3)) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    long exptime = numbers.value();
    if (!signed32(4)) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    long valueLength = numbers.value();
    long cas = 0;
    if (command == StorageCommand.CAS) {
      if (!unsigned64(5)) {
        return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
      }
      cas = numbers.value();
    }
    if (valueLength < 0 || valueLength > Integer.MAX_VALUE - 2) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    if (valueLength > maxValueBytes) {
      state = State.SWALLOW;
      toDrop.start(valueLength + 2);
      return new TextRequest.ValueTooLarge(command, tokens.copy(1), noreply);
    }
    state = State.READ_DATA;
    // The key stays in the line's array, which is not written again before the next line.
    store.setLine(command, tokens.line(), tokens.start(1), tokens.length(1), flags, exptime, cas, noreply);
    pendingLength = (int) valueLength;
    return null;
  }

  private TextRequest touch() {
    boolean noreply = lastTokenIsNoreply();
    if (tokens.length(1) > MAX_KEY_LENGTH) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    if (!signed32(2)) {
      return error(TextReplies.INVALID_EXPTIME, noreply);
    }
    touchRequest.setKey(tokens.line(), tokens.start(1), tokens.length(1), noreply);
    touchRequest.setExptime(numbers.value());
    return touchRequest;
  }

  private TextRequest incrDecr(boolean increment) {
    boolean noreply = lastTokenIsNoreply();
    if (tokens.length(1) > MAX_KEY_LENGTH) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    if (!unsigned64(2)) {
      return error(TextReplies.INVALID_DELTA, noreply);
    }
    incrDecrRequest.setKey(tokens.line(), tokens.start(1), tokens.length(1), noreply);
    incrDecrRequest.set(increment, numbers.value());
    return incrDecrRequest;
  }

  /** {@code delete <key> [0] [noreply]}: memcached accepts a hold time only if it is "0". */
  private TextRequest delete() {
    int ntokens = tokens.ntokens();
    boolean noreply = false;
    if (ntokens > 3) {
      boolean holdIsZero = tokens.is(2, ZERO);
      noreply = lastTokenIsNoreply();
      boolean valid = (ntokens == 4 && (holdIsZero || noreply)) || (ntokens == 5 && holdIsZero && noreply);
      if (!valid) {
        return error(TextReplies.DELETE_USAGE, noreply);
      }
    }
    if (tokens.length(1) > MAX_KEY_LENGTH) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    deleteRequest.setKey(tokens.line(), tokens.start(1), tokens.length(1), noreply);
    return deleteRequest;
  }

  /** {@code flush_all [delay] [noreply]}: the delay is read unless the only argument is noreply. */
  private TextRequest flushAll() {
    boolean noreply = lastTokenIsNoreply();
    long delay = 0;
    if (tokens.ntokens() != (noreply ? 3 : 2)) {
      if (!signed32(1)) {
        return new TextRequest.InvalidFlushAll(noreply);
      }
      delay = numbers.value();
    }
    return new TextRequest.FlushAll(delay, noreply);
  }

  private TextRequest verbosity() {
    boolean noreply = lastTokenIsNoreply();
    if (!unsigned32(1)) {
      return error(TextReplies.BAD_COMMAND_LINE_FORMAT, noreply);
    }
    return new TextRequest.Verbosity(numbers.value(), noreply);
  }

  private TextRequest cacheMemlimit() {
    boolean noreply = lastTokenIsNoreply();
    if (!unsigned32(1)) {
      return error(TextReplies.ERROR, noreply);
    }
    return new TextRequest.CacheMemlimit(numbers.value(), noreply);
  }

  /** {@code shutdown} takes no noreply: its error replies are always sent. */
  private TextRequest shutdown() {
    int ntokens = tokens.ntokens();
    TextRequest.ShutdownMode mode;
    if (ntokens == 2) {
      mode = TextRequest.ShutdownMode.IMMEDIATE;
    } else if (ntokens == 3 && tokens.is(1, GRACEFUL)) {
      mode = TextRequest.ShutdownMode.GRACEFUL;
    } else {
      mode = TextRequest.ShutdownMode.INVALID;
    }
    return new TextRequest.Shutdown(mode);
  }

  private TextRequest stats() {
    List<String> args = new ArrayList<>(tokens.count() - 1);
    for (int i = 1; i < tokens.count(); i++) {
      args.add(tokens.string(i));
    }
    return new TextRequest.Stats(List.copyOf(args));
  }

  /** memcached's {@code set_noreply_maybe}: the last real token is exactly "noreply". */
  private boolean lastTokenIsNoreply() {
    return tokens.is(tokens.count() - 1, NOREPLY);
  }

  /** Whether token {@code index} is a number memcached takes as a {@code uint32_t}; it is then in {@link #numbers}. */
  private boolean unsigned32(int index) {
    return numbers.parseUnsigned32(tokens.line(), tokens.start(index), tokens.length(index));
  }

  private boolean signed32(int index) {
    return numbers.parseSigned32(tokens.line(), tokens.start(index), tokens.length(index));
  }

  private boolean unsigned64(int index) {
    return numbers.parseUnsigned64(tokens.line(), tokens.start(index), tokens.length(index));
  }

  private static TextRequest error(byte[] line) {
    return error(line, false);
  }

  private static TextRequest error(byte[] line, boolean noreply) {
    return new TextRequest.ErrorReply(line, noreply);
  }

  private static boolean startsWith(ByteBuf in, int index, byte[] prefix) {
    if (in.writerIndex() - index < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in.getByte(index + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
