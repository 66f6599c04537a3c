package dev.larder.protocol.text;

import static dev.larder.protocol.text.DecoderHarness.MAX_VALUE;
import static dev.larder.protocol.text.DecoderHarness.assertDecodes;
import static dev.larder.protocol.text.DecoderHarness.bytes;
import static dev.larder.protocol.text.DecoderHarness.decodeAll;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.ReplyParts;
import dev.larder.protocol.text.TextRequest.BadDataChunk;
import dev.larder.protocol.text.TextRequest.CacheMemlimit;
import dev.larder.protocol.text.TextRequest.Close;
import dev.larder.protocol.text.TextRequest.CloseReason;
import dev.larder.protocol.text.TextRequest.Delete;
import dev.larder.protocol.text.TextRequest.ErrorReply;
import dev.larder.protocol.text.TextRequest.FlushAll;
import dev.larder.protocol.text.TextRequest.IncrDecr;
import dev.larder.protocol.text.TextRequest.InvalidFlushAll;
import dev.larder.protocol.text.TextRequest.Meta;
import dev.larder.protocol.text.TextRequest.Quit;
import dev.larder.protocol.text.TextRequest.Retrieve;
import dev.larder.protocol.text.TextRequest.Shutdown;
import dev.larder.protocol.text.TextRequest.ShutdownMode;
import dev.larder.protocol.text.TextRequest.Stats;
import dev.larder.protocol.text.TextRequest.Store;
import dev.larder.protocol.text.TextRequest.Touch;
import dev.larder.protocol.text.TextRequest.ValueTooLarge;
import dev.larder.protocol.text.TextRequest.Verbosity;
import dev.larder.protocol.text.TextRequest.Version;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Byte vectors for the text protocol decoder; each reply noted was checked on memcached 1.6.18. */
class TextRequestDecoderTest {
  private static final String KEY_251 = "k".repeat(251);
  private static final String KEY_250 = "k".repeat(250);

  private static byte[] k(String key) {
    return bytes(key);
  }

  private static Retrieve get(String... keys) {
    return new Retrieve(false, false, 0, keys(keys), false);
  }

  private static RetrievalKeys keys(String... keys) {
    return RetrievalKeys.of(Arrays.stream(keys).map(DecoderHarness::bytes).toList());
  }

  private static ErrorReply error(byte[] line) {
    return new ErrorReply(line, false);
  }

  private static final ErrorReply ERROR = error(TextReplies.ERROR);
  private static final ErrorReply BAD_FORMAT = error(TextReplies.BAD_COMMAND_LINE_FORMAT);

  @Nested
  class Retrievals {
    @Test
    void get() {
      assertDecodes("get a\r\n", TextRequestDecoderTest.get("a"));
    }

    @Test
    void getsWithSeveralKeysAndExtraSpaces() {
      assertDecodes("  gets   a  bb   c \r\n", new Retrieve(true, false, 0, keys("a", "bb", "c"), false));
    }

    @Test
    void gatAndGats() {
      assertDecodes(
          "gat 10 a b\r\ngats -1 c\r\nget d\r\n",
          new Retrieve(false, true, 10, keys("a", "b"), false),
          new Retrieve(true, true, -1, keys("c"), false),
          new Retrieve(false, false, 0, keys("d"), false)); // nothing of the gats is left in the get
    }

    @Test
    void gatWithoutKeysIsAnEmptyRetrieval() {
      // memcached answers "gat 10" with "END".
      assertDecodes("gat 10\r\n", new Retrieve(false, true, 10, keys(), false));
    }

    @Test
    void gatWithBadExptime() {
      assertDecodes("gat abc a\r\n", error(TextReplies.INVALID_EXPTIME));
    }

    @Test
    void getWithoutKeyIsAnError() {
      assertDecodes("get\r\ngat\r\nbget\r\n", ERROR, ERROR, ERROR);
    }

    @Test
    void bareNewline() {
      assertDecodes("get a\nget b\n", TextRequestDecoderTest.get("a"), TextRequestDecoderTest.get("b"));
    }

    @Test
    void bgetIsGet() {
      assertDecodes("bget a\r\n", TextRequestDecoderTest.get("a"));
    }

    @Test
    void manyKeysComeInPartsWhoseLastEndsTheGet() {
      String[] many = new String[60];
      for (int i = 0; i < many.length; i++) {
        many[i] = "key" + i;
      }
      int part = ReplyParts.MAX_KEYS;
      assertDecodes("gets " + String.join(" ", many) + "\r\nget x\r\n",
          new Retrieve(true, false, 0, keys(Arrays.copyOfRange(many, 0, part)), false, false),
          new Retrieve(true, false, 0, keys(Arrays.copyOfRange(many, part, 2 * part)), false, false),
          new Retrieve(true, false, 0, keys(Arrays.copyOfRange(many, 2 * part, 3 * part)), false, false),
          new Retrieve(true, false, 0, keys(Arrays.copyOfRange(many, 3 * part, 60)), false, true),
          TextRequestDecoderTest.get("x"));
      assertDecodes("get " + String.join(" ", Arrays.copyOf(many, part)) + "\r\n",
          TextRequestDecoderTest.get(Arrays.copyOf(many, part)));
    }

    @Test
    void thePartsOfAGetLineNeedNoMoreBytes() {
      TextRequestDecoder decoder = new TextRequestDecoder(DecoderHarness.MAX_VALUE);
      ByteBuf in = Unpooled.copiedBuffer(bytes("get " + "k ".repeat(40) + "\r\n"));
      assertThat(((Retrieve) decoder.decode(in)).last()).isFalse();
      assertThat(in.isReadable()).isFalse();
      assertThat(decoder.hasMoreKeys()).isTrue();
      decoder.release(); // the keys left are kept
      assertThat(((Retrieve) decoder.decode(in)).keys().size()).isEqualTo(ReplyParts.MAX_KEYS);
      Retrieve last = (Retrieve) decoder.decode(in);
      assertThat(last.keys().size()).isEqualTo(40 - 2 * ReplyParts.MAX_KEYS);
      assertThat(last.keys().copy(0)).isEqualTo(bytes("k"));
      assertThat(last.last()).isTrue();
      assertThat(decoder.hasMoreKeys()).isFalse();
      assertThat(decoder.decode(in)).isNull();
    }

    @Test
    void aGetLineWithAKeyTooLongIsOnePart() {
      String keys = "k ".repeat(40);
      assertDecodes("get " + keys + KEY_251 + "\r\n",
          new Retrieve(false, false, 0, keys(keys.trim().split(" ")), true));
    }

    @Test
    void keyOf250BytesIsFine() {
      assertDecodes("get " + KEY_250 + "\r\n", TextRequestDecoderTest.get(KEY_250));
    }

    @Test
    void tooLongKeyStopsTheKeysBeforeIt() {
      assertDecodes(
          "get a b " + KEY_251 + " c\r\n", new Retrieve(false, false, 0, keys("a", "b"), true));
    }

    @Test
    void lineEndsAtNul() {
      assertDecodes("get a\0b c\r\n", TextRequestDecoderTest.get("a"));
    }

    @Test
    void longMultigetWithoutNewlineIsAwaited() {
      TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      in.writeBytes(bytes("get" + " key".repeat(2000)));
      assertThat(decoder.decode(in)).isNull();
      assertThat(in.readableBytes()).isEqualTo(8003);
      in.writeBytes(bytes("\r\n"));
      int keys = 0;
      Retrieve part;
      do {
        part = (Retrieve) decoder.decode(in);
        keys += part.keys().size();
      } while (!part.last());
      assertThat(keys).isEqualTo(2000);
      assertThat(in.readableBytes()).isZero();
    }

    @Test
    void getLineOverTheLimitCloses() {
      TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      in.writeBytes(bytes("get"));
      List<TextRequest> requests = new ArrayList<>();
      while (!DecoderHarness.drain(decoder, in, requests)) {
        assertThat(in.readableBytes()).isLessThanOrEqualTo(TextRequestDecoder.MAX_GET_LINE);
        in.writeBytes(bytes(" key".repeat(10_000)));
      }
      assertThat(requests).containsExactly(new Close(CloseReason.GET_LINE_TOO_LONG));
      assertThat(in.readableBytes()).isZero();
    }

    @Test
    void terminatedGetLineOverTheLimitCloses() {
      byte[] line = bytes("get" + " k".repeat(TextRequestDecoder.MAX_GET_LINE / 2) + "\r\n");
      assertThat(decodeAll(line)).containsExactly(new Close(CloseReason.GET_LINE_TOO_LONG));
    }
  }

  @Nested
  class Storage {
    @Test
    void set() {
      assertDecodes("set k 5 10 3\r\nabc\r\n", new Store(StorageCommand.SET, k("k"), 5, 10, k("abc"), 0, false));
    }

    @Test
    void everyStorageCommand() {
      assertDecodes(
          "add a 1 2 1\r\nx\r\nreplace b 0 0 0\r\n\r\nappend c 0 0 2 noreply\r\nyz\r\nprepend d 0 0 1\r\n-\r\n",
          new Store(StorageCommand.ADD, k("a"), 1, 2, k("x"), 0, false),
          new Store(StorageCommand.REPLACE, k("b"), 0, 0, k(""), 0, false),
          new Store(StorageCommand.APPEND, k("c"), 0, 0, k("yz"), 0, true),
          new Store(StorageCommand.PREPEND, k("d"), 0, 0, k("-"), 0, false));
    }

    @Test
    void cas() {
      assertDecodes(
          "cas k 0 0 1 18446744073709551615 noreply\r\nx\r\n",
          new Store(StorageCommand.CAS, k("k"), 0, 0, k("x"), -1L, true));
    }

    @Test
    void dataMayHoldLineEnds() {
      assertDecodes("set k 0 0 4\r\n\r\n\r\n\r\n", new Store(StorageCommand.SET, k("k"), 0, 0, k("\r\n\r\n"), 0, false));
    }

    @Test
    void bareNewlineAfterTheCommandLine() {
      assertDecodes("set k 0 0 1\nx\r\n", new Store(StorageCommand.SET, k("k"), 0, 0, k("x"), 0, false));
    }

    @Test
    void numbersAreTruncatedAsMemcachedStoresThem() {
      // flags 2^32 is stored as 0; 2^32-1 stays; length 2^32+1 is read as 1; an exptime as int32.
      assertDecodes(
          "set a 4294967296 4294967297 4294967297\r\nx\r\nset b 4294967295 -1 1\r\ny\r\n",
          new Store(StorageCommand.SET, k("a"), 0, 1, k("x"), 0, false),
          new Store(StorageCommand.SET, k("b"), -1, -1, k("y"), 0, false));
    }

    @Test
    void trailingCarriageReturnInTheLengthIsWhiteSpace() {
      // "set n 0 0 1\r\r\n": memcached strips one '\r'; "1\r" parses as 1.
      assertDecodes("set n 0 0 1\r\r\nx\r\n", new Store(StorageCommand.SET, k("n"), 0, 0, k("x"), 0, false));
    }

    @Test
    void tabIsNotASeparator() {
      // "set n\t0 0 1" has 5 tokens: ERROR, and the data line is a command: ERROR.
      assertDecodes("set n\t0 0 1\r\nx\r\n", ERROR, ERROR);
    }

    @Test
    void badNumbersAreRefusedAndTheDataIsReadAsACommand() {
      assertDecodes("set k -1 0 1\r\nx\r\n", BAD_FORMAT, ERROR);
      assertDecodes("set k 0 0 -1\r\n", BAD_FORMAT);
      assertDecodes("set k 0 0 2147483648\r\n", BAD_FORMAT);
      assertDecodes("set k 0 0 1x\r\n", BAD_FORMAT);
      assertDecodes("set k 0 x 1\r\n", BAD_FORMAT);
      assertDecodes("cas k 0 0 1 -5\r\n", BAD_FORMAT);
    }

    @Test
    void refusalWithNoreplyIsSilent() {
      assertDecodes("set k 0 0 x noreply\r\n", new ErrorReply(TextReplies.BAD_COMMAND_LINE_FORMAT, true));
    }

    @Test
    void tooLongKey() {
      assertDecodes("set " + KEY_251 + " 0 0 5\r\nhello\r\n", BAD_FORMAT, ERROR);
    }

    @Test
    void wrongTokenCount() {
      assertDecodes("set k 0 0\r\ncas k 0 0 1\r\nset k 0 0 1 noreply extra\r\n", ERROR, ERROR, ERROR);
    }

    @Test
    void badDataChunkThenTheRestIsACommand() {
      assertDecodes("set a 0 0 1\r\nxyz\r\n", new BadDataChunk(StorageCommand.SET, false), ERROR);
      assertDecodes("set a 0 0 1 noreply\r\nxyz\r\n", new BadDataChunk(StorageCommand.SET, true), ERROR);
    }

    @Test
    void tooLargeValueIsSwallowed() {
      String value = "v".repeat(MAX_VALUE + 1);
      assertDecodes(
          "set k 0 0 " + (MAX_VALUE + 1) + "\r\n" + value + "\r\nget k\r\n",
          new ValueTooLarge(StorageCommand.SET, k("k"), false),
          TextRequestDecoderTest.get("k"));
    }

    @Test
    void tooLargeValueIsNeverBuffered() {
      TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      in.writeBytes(bytes("add k 0 0 1000000 noreply\r\n"));
      assertThat(decoder.decode(in)).usingRecursiveComparison()
          .isEqualTo(new ValueTooLarge(StorageCommand.ADD, k("k"), true));
      for (int sent = 0; sent < 1_000_000; sent += 10_000) {
        in.writeBytes(new byte[10_000]);
        assertThat(decoder.decode(in)).isNull();
        assertThat(in.readableBytes()).isZero();
      }
      in.writeBytes(bytes("\r\nversion\r\n"));
      assertThat(decoder.decode(in)).isEqualTo(new Version());
    }

    @Test
    void valueOfExactlyTheLimitIsAccepted() {
      String value = "v".repeat(MAX_VALUE);
      assertDecodes(
          "set k 0 0 " + MAX_VALUE + "\r\n" + value + "\r\n",
          new Store(StorageCommand.SET, k("k"), 0, 0, k(value), 0, false));
    }
  }

  @Nested
  class OtherCommands {
    @Test
    void delete() {
      assertDecodes(
          "delete a\r\ndelete b 0\r\ndelete c noreply\r\ndelete d 0 noreply\r\n",
          new Delete(k("a"), false),
          new Delete(k("b"), false),
          new Delete(k("c"), true),
          new Delete(k("d"), true));
    }

    @Test
    void deleteWithAHoldTime() {
      assertDecodes(
          "delete a 5\r\ndelete a 0 0\r\ndelete a x noreply\r\n",
          error(TextReplies.DELETE_USAGE),
          error(TextReplies.DELETE_USAGE),
          new ErrorReply(TextReplies.DELETE_USAGE, true));
    }

    @Test
    void deleteTokenCounts() {
      assertDecodes("delete\r\ndelete a b c d\r\n", ERROR, ERROR);
    }

    @Test
    void deleteTooLongKey() {
      assertDecodes("delete " + KEY_251 + " noreply\r\n", new ErrorReply(TextReplies.BAD_COMMAND_LINE_FORMAT, true));
    }

    @Test
    void incrDecr() {
      assertDecodes(
          "incr a 5\r\ndecr b 18446744073709551615 noreply\r\n",
          new IncrDecr(true, k("a"), 5, false),
          new IncrDecr(false, k("b"), -1L, true));
    }

    @Test
    void incrBadDelta() {
      assertDecodes(
          "incr a -1\r\nincr a abc\r\nincr a 18446744073709551616\r\ndecr a x noreply\r\n",
          error(TextReplies.INVALID_DELTA),
          error(TextReplies.INVALID_DELTA),
          error(TextReplies.INVALID_DELTA),
          new ErrorReply(TextReplies.INVALID_DELTA, true));
    }

    @Test
    void touch() {
      assertDecodes(
          "touch a 10\r\ntouch b -1 noreply\r\ntouch c abc\r\ntouch\r\n",
          new Touch(k("a"), 10, false),
          new Touch(k("b"), -1, true),
          error(TextReplies.INVALID_EXPTIME),
          ERROR);
    }

    @Test
    void flushAll() {
      assertDecodes(
          "flush_all\r\nflush_all 10\r\nflush_all noreply\r\nflush_all -5 noreply\r\nflush_all 10 20\r\n",
          new FlushAll(0, false),
          new FlushAll(10, false),
          new FlushAll(0, true),
          new FlushAll(-5, true),
          new FlushAll(10, false));
    }

    @Test
    void flushAllWithBadDelay() {
      // "flush_all noreply abc": the last token is not noreply, so "noreply" is read as the delay.
      assertDecodes(
          "flush_all abc\r\nflush_all noreply abc\r\nflush_all 1 2 3\r\n",
          new InvalidFlushAll(false),
          new InvalidFlushAll(false),
          ERROR);
    }

    @Test
    void versionAndQuitIgnoreArguments() {
      assertDecodes("version\r\nversion foo\r\nquit\r\n", new Version(), new Version(), new Quit());
    }

    @Test
    void verbosity() {
      assertDecodes(
          "verbosity\r\nverbosity 1\r\nverbosity noreply\r\nverbosity 5 noreply\r\n",
          ERROR,
          new Verbosity(1, false),
          new ErrorReply(TextReplies.BAD_COMMAND_LINE_FORMAT, true),
          new Verbosity(5, true));
    }

    @Test
    void stats() {
      assertDecodes(
          "stats\r\nstats items\r\nstats detail dump\r\nstats  \r\n",
          new Stats(List.of()),
          new Stats(List.of("items")),
          new Stats(List.of("detail", "dump")),
          new Stats(List.of()));
    }

    @Test
    void cacheMemlimit() {
      assertDecodes(
          "cache_memlimit 64\r\ncache_memlimit 7 noreply\r\ncache_memlimit abc\r\ncache_memlimit\r\n",
          new CacheMemlimit(64, false),
          new CacheMemlimit(7, true),
          ERROR,
          ERROR);
    }

    @Test
    void shutdown() {
      assertDecodes(
          "shutdown\r\nshutdown graceful\r\nshutdown now\r\nshutdown graceful now\r\n",
          new Shutdown(ShutdownMode.IMMEDIATE),
          new Shutdown(ShutdownMode.GRACEFUL),
          new Shutdown(ShutdownMode.INVALID),
          new Shutdown(ShutdownMode.INVALID));
    }
  }

  @Nested
  class Errors {
    @Test
    void unknownEmptyAndShortCommands() {
      assertDecodes("foo\r\n\r\n\nx\r\n \r\n", ERROR, ERROR, ERROR, ERROR, ERROR);
    }

    @Test
    void tooManyTokens() {
      assertDecodes("set k 0 0 1" + " x".repeat(30) + "\r\n", ERROR);
    }

    @Test
    void httpRequestCloses() {
      assertDecodes("GET / HTTP/1.1\r\n", new Close(CloseReason.HTTP_REQUEST));
    }

    @Test
    void httpLookalikesUnderKnownLettersAreErrorsOrGets() {
      assertDecodes(
          "set / HTTP/1.1\r\nget / HTTP/1.1\r\n", ERROR, TextRequestDecoderTest.get("/", "HTTP/1.1"));
    }

    @Test
    void unterminatedLineOver2048BytesCloses() {
      assertDecodes(
          "set k 0 0 1\r\nx\r\n" + "x".repeat(3000),
          new Store(StorageCommand.SET, k("k"), 0, 0, k("x"), 0, false),
          new Close(CloseReason.LINE_TOO_LONG));
    }

    @Test
    void unterminatedLineOf2048BytesIsAwaited() {
      TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      in.writeBytes(new byte[TextRequestDecoder.MAX_UNTERMINATED_LINE]);
      assertThat(decoder.decode(in)).isNull();
      in.writeByte('x');
      assertThat(decoder.decode(in)).isEqualTo(new Close(CloseReason.LINE_TOO_LONG));
    }

    @Test
    void multigetAfterTooManySpacesCloses() {
      TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
      ByteBuf in = Unpooled.buffer();
      in.writeBytes(bytes(" ".repeat(101) + "get a".repeat(500)));
      assertThat(decoder.decode(in)).isEqualTo(new Close(CloseReason.LINE_TOO_LONG));
    }

    @Test
    void longTerminatedLineIsParsed() {
      // memcached closes only when 2048 bytes hold no newline.
      assertThat(decodeAll(bytes("set " + "k".repeat(3000) + " 0 0 1\r\n")))
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactly(BAD_FORMAT);
    }
  }

  @Test
  void pipelinedRequestsInOneBuffer() {
    assertDecodes(
        "set a 0 0 1\r\n1\r\nget a b\r\nincr a 1\r\ndelete a\r\nversion\r\n",
        new Store(StorageCommand.SET, k("a"), 0, 0, k("1"), 0, false),
        get("a", "b"),
        new IncrDecr(true, k("a"), 1, false),
        new Delete(k("a"), false),
        new Version());
  }

  /**
   * A data block too long for the reused array is handed on where it arrived, not copied, and release
   * lets go of it.
   */
  @Test
  void aLongValueIsAViewOfTheInputLetGoOnRelease() throws InterruptedException {
    TextRequestDecoder decoder = new TextRequestDecoder(1 << 20);
    ByteBuf in = Unpooled.directBuffer();
    in.writeBytes(bytes("set k 0 0 100000\r\n")).writeBytes(bytes("s".repeat(100_000))).writeBytes(bytes("\r\n"));
    ByteBuffer setData = ((Store) decoder.decode(in)).data();
    assertThat(setData.isDirect()).as("a view of the direct input").isTrue();
    assertThat(US_ASCII.decode(setData.duplicate()).toString()).isEqualTo("s".repeat(100_000));
    WeakReference<ByteBuffer> value = new WeakReference<>(setData);
    setData = null;
    decoder.release();
    in.writeBytes(bytes("ms k 100000\r\n")).writeBytes(bytes("m".repeat(100_000))).writeBytes(bytes("\r\n"));
    MetaRequest ms = ((Meta) decoder.decode(in)).request();
    ByteBuffer msData = ((MetaRequest.Set) ms).data();
    assertThat(US_ASCII.decode(msData.duplicate()).toString()).isEqualTo("m".repeat(100_000));
    WeakReference<ByteBuffer> metaValue = new WeakReference<>(msData);
    ms = null;
    msData = null;
    decoder.release();
    for (int i = 0; i < 10 && (value.get() != null || metaValue.get() != null); i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(value.get()).as("set's view of its value, once released").isNull();
    assertThat(metaValue.get()).as("ms's view of its value, once released").isNull();
    in.release();
  }

  @Test
  void releaseKeepsTheLineOfAStorageCommandAwaitingItsData() {
    TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(bytes("set k 5 0 3\r\n"));
    assertThat(decoder.decode(in)).isNull();
    decoder.release();
    in.writeBytes(bytes("abc\r\n"));
    assertThat(DecoderHarness.owned(decoder.decode(in))).usingRecursiveComparison()
        .isEqualTo(new Store(StorageCommand.SET, k("k"), 5, 0, bytes("abc"), 0, false));
  }

  @Test
  void incompleteRequestLeavesItsBytes() {
    TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(bytes("get a\r\nget b"));
    assertThat(DecoderHarness.owned(decoder.decode(in))).usingRecursiveComparison().isEqualTo(get("a"));
    assertThat(decoder.decode(in)).isNull();
    assertThat(in.readableBytes()).isEqualTo(5);
  }
}
