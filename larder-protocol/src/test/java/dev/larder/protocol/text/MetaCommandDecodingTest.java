package dev.larder.protocol.text;

import static dev.larder.protocol.text.DecoderHarness.MAX_VALUE;
import static dev.larder.protocol.text.DecoderHarness.assertDecodes;
import static dev.larder.protocol.text.DecoderHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.ReplyParts;
import dev.larder.protocol.meta.MetaReplies;
import dev.larder.protocol.text.TextRequest.BadDataChunk;
import dev.larder.protocol.text.TextRequest.ErrorReply;
import dev.larder.protocol.text.TextRequest.Meta;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Byte vectors for meta command lines in {@link TextRequestDecoder}; every error noted was memcached
 * 1.6.18's answer to the same line.
 */
class MetaCommandDecodingTest {
  private static final ErrorReply ERROR = error(TextReplies.ERROR);
  private static final ErrorReply BAD_FORMAT = error(TextReplies.BAD_COMMAND_LINE_FORMAT);

  private static ErrorReply error(byte[] line) {
    return new ErrorReply(line, false);
  }

  /** Builds the expected {@link MetaFlags}: flag letters in order, then what they set. */
  private static final class Flags {
    private final String order;
    private byte[] opaque;
    private boolean base64;
    private boolean quiet;
    private boolean value;
    private boolean noBump;
    private boolean invalidate;
    private long ttl = MetaFlags.ABSENT;
    private long vivify = MetaFlags.ABSENT;
    private long recache = MetaFlags.ABSENT;
    private int clientFlags;
    private boolean hasCas;
    private long cas;
    private long delta = 1;
    private long initial;
    private byte mode;

    private Flags(String order) {
      this.order = order;
      this.base64 = order.contains("b");
      this.quiet = order.contains("q");
      this.value = order.contains("v");
      this.noBump = order.contains("u");
      this.invalidate = order.contains("I");
    }

    static Flags of(String order) {
      return new Flags(order);
    }

    Flags opaque(String token) {
      opaque = bytes(token);
      return this;
    }

    Flags ttl(long t) {
      ttl = t;
      return this;
    }

    Flags vivify(long n) {
      vivify = n;
      return this;
    }

    Flags recache(long r) {
      recache = r;
      return this;
    }

    Flags clientFlags(int f) {
      clientFlags = f;
      return this;
    }

    Flags cas(long c) {
      hasCas = true;
      cas = c;
      return this;
    }

    Flags delta(long d) {
      delta = d;
      return this;
    }

    Flags initial(long j) {
      initial = j;
      return this;
    }

    Flags mode(char m) {
      mode = (byte) m;
      return this;
    }

    MetaFlags build() {
      return new MetaFlags(bytes(order), opaque, base64, quiet, value, noBump, invalidate, ttl, vivify, recache,
          clientFlags, hasCas, cas, delta, initial, mode);
    }
  }

  private static Meta get(String key, Flags flags) {
    return new Meta(new MetaRequest.Get(bytes(key), flags.build()));
  }

  @Nested
  class Get {
    @Test
    void keyOnly() {
      assertDecodes("mg k\r\n", get("k", Flags.of("")));
    }

    @Test
    void everyFlagInOrder() {
      assertDecodes("mg key v s t c f h l k Oabc q u T30 N-1 R5 P L\r\n",
          get("key", Flags.of("vstcfhlkOquTNRPL").opaque("Oabc").ttl(30).vivify(-1).recache(5)));
    }

    @Test
    void flagsOfOtherCommandsAreParsedToo() {
      assertDecodes("mg k F7 C9 MD D2 J3 I\r\n",
          get("k", Flags.of("FCMDJI").clientFlags(7).cas(9).mode('D').delta(2).initial(3)));
    }

    @Test
    void base64Key() {
      assertDecodes("mg Zm9v b k\r\n", get("foo", Flags.of("bk")));
    }

    @Test
    void severalInOneBuffer() {
      assertDecodes("mg a v\r\nmg b\nmn\r\n",
          get("a", Flags.of("v")), get("b", Flags.of("")), new Meta(new MetaRequest.Noop()));
    }

    @Test
    void aLineKeepsNoFlagOfTheLineBefore() {
      assertDecodes("mg Zm9v b v q u I T30 N-1 R5 Oabc C9 F7 D2 J3 MD\r\nmg k\r\nmg k v T1\r\n",
          get("foo", Flags.of("bvquITNROCFDJM").ttl(30).vivify(-1).recache(5).opaque("Oabc").cas(9).clientFlags(7)
              .delta(2).initial(3).mode('D')),
          get("k", Flags.of("")),
          get("k", Flags.of("vT").ttl(1))); // v and T again: no flag counts as seen from a line before
    }

    @Test
    void aRefusedLineEndsARunAndIsAnsweredAfterIt() {
      assertDecodes("mg a v\r\nmg k v v\r\nmg b\r\n",
          get("a", Flags.of("v")), error(MetaReplies.DUPLICATE_FLAG), get("b", Flags.of("")));
      assertDecodes("mg a\r\nmg " + "k".repeat(251) + "\r\nmg\r\nmg b\r\n",
          get("a", Flags.of("")), BAD_FORMAT, ERROR, get("b", Flags.of("")));
    }

    @Test
    void linesWholeInTheBufferAreDecodedTogetherUpToTheLimit() {
      int count = ReplyParts.MAX_KEYS + 2;
      ByteBuf in = Unpooled.buffer();
      for (int i = 0; i < count; i++) {
        in.writeBytes(bytes("mg key" + i + " v O" + i + (i % 2 == 0 ? " q" : "") + "\r\n"));
      }
      in.writeBytes(bytes("mn\r\nmg half v"));
      TextRequestDecoder decoder = new TextRequestDecoder(MAX_VALUE);

      MetaRequest.Gets first = gets(decoder.decode(in));
      assertThat(first.size()).isEqualTo(ReplyParts.MAX_KEYS);
      assertThat(DecoderHarness.owned(new Meta(first.get(6)))).usingRecursiveComparison()
          .isEqualTo(get("key6", Flags.of("vOq").opaque("O6")));
      assertThat(DecoderHarness.owned(new Meta(first.get(7)))).usingRecursiveComparison()
          .isEqualTo(get("key7", Flags.of("vO").opaque("O7")));
      MetaRequest.Gets second = gets(decoder.decode(in));
      assertThat(second.size()).isEqualTo(2);
      assertThat(DecoderHarness.owned(new Meta(second.get(1)))).usingRecursiveComparison()
          .isEqualTo(get("key" + (count - 1), Flags.of("vO").opaque("O" + (count - 1))));
      assertThat(decoder.decode(in)).usingRecursiveComparison().isEqualTo(new Meta(new MetaRequest.Noop()));
      assertThat(decoder.decode(in)).as("the last line is not all there").isNull();
    }

    private static MetaRequest.Gets gets(TextRequest request) {
      return (MetaRequest.Gets) ((Meta) request).request();
    }

    @Test
    void refusals() {
      assertDecodes("mg\r\n", ERROR);
      assertDecodes("mg " + "k".repeat(251) + " v\r\n", BAD_FORMAT);
      assertDecodes("mg k v v\r\n", error(MetaReplies.DUPLICATE_FLAG));
      assertDecodes("mg k \u00ff\r\n", error(MetaReplies.DUPLICATE_FLAG));
      assertDecodes("mg k x\r\n", error(MetaReplies.INVALID_FLAG));
      assertDecodes("mg k Tx\r\n", error(MetaReplies.BAD_TOKEN));
      assertDecodes("mg !! b\r\n", error(MetaReplies.KEY_NOT_DECODED));
      assertDecodes("mg k O" + "o".repeat(32) + "\r\n", error(MetaReplies.OPAQUE_TOO_LONG));
      assertDecodes("mg k" + " s t c f h l k v q u O1 P L D1 J1 F1 MS I" + "\r\n", error(MetaReplies.TOO_MANY_GET_FLAGS));
    }

    @Test
    void theLastNotedErrorWins() {
      // memcached keeps parsing after a bad number and reports the last problem it noted.
      assertDecodes("mg k Tx Jx\r\n", error(MetaReplies.INVALID_INITIAL));
      assertDecodes("mg k Fx\r\n", BAD_FORMAT);
      assertDecodes("mg k Tx Fx\r\n", error(MetaReplies.BAD_TOKEN));
    }
  }

  @Nested
  class Set {
    @Test
    void withData() {
      assertDecodes("ms k 5 T10 F3 c\r\nhello\r\n", new Meta(new MetaRequest.Set(bytes("k"), bytes("hello"),
          Flags.of("TFc").ttl(10).clientFlags(3).build())));
    }

    @Test
    void dataHoldingLineEndsThenAnotherCommand() {
      assertDecodes("ms k 4 MA\r\n\r\n\r\n\r\nmn\r\n",
          new Meta(new MetaRequest.Set(bytes("k"), bytes("\r\n\r\n"), Flags.of("M").mode('A').build())),
          new Meta(new MetaRequest.Noop()));
    }

    @Test
    void badDataChunkIsAnsweredEvenWithQ() {
      assertDecodes("ms k 1 q\r\nab\r\n", new BadDataChunk(StorageCommand.SET, false), ERROR);
    }

    @Test
    void refusedBeforeTheLengthIsKnownLeavesTheDataToBeReadAsCommands() {
      assertDecodes("ms k\r\nmn\r\n", BAD_FORMAT, new Meta(new MetaRequest.Noop()));
      assertDecodes("ms k abc\r\nxy\r\n", BAD_FORMAT, ERROR);
      assertDecodes("ms k -1\r\n", BAD_FORMAT);
      assertDecodes("ms\r\n", ERROR);
    }

    @Test
    void refusedOnceTheLengthIsKnownDropsTheData() {
      assertDecodes("ms k 2 x\r\nhi\r\nmn\r\n", error(MetaReplies.INVALID_FLAG), new Meta(new MetaRequest.Noop()));
      assertDecodes("ms k 2 MX\r\nhi\r\n", error(MetaReplies.INVALID_SET_MODE));
      assertDecodes("ms k 2 MSS\r\nhi\r\n", error(MetaReplies.BAD_MODE_LENGTH));
      assertDecodes("ms k 2 O" + "o".repeat(40) + "\r\nhi\r\n", error(MetaReplies.OPAQUE_TOO_LONG));
    }

    @Test
    void aTooLargeValueIsDroppedAsItArrives() {
      String value = "v".repeat(MAX_VALUE + 1);
      assertDecodes("ms k " + value.length() + " q\r\n" + value + "\r\nmn\r\n",
          new Meta(new MetaRequest.SetTooLarge(bytes("k"), Flags.of("q").build())),
          new Meta(new MetaRequest.Noop()));
    }

    @Test
    void tooManyFlags() {
      assertDecodes("ms k 1 c k O1 q T1 F1 C1 MS I b s t f h l v u P L\r\na\r\n",
          error(MetaReplies.TOO_MANY_FLAGS), ERROR);
    }
  }

  @Nested
  class DeleteAndArithmetic {
    @Test
    void delete() {
      assertDecodes("md k q I T30 C5 Ox k\r\n", new Meta(new MetaRequest.Delete(bytes("k"),
          Flags.of("qITCOk").ttl(30).cas(5).opaque("Ox").build())));
    }

    @Test
    void arithmetic() {
      assertDecodes("ma k N0 J10 D18446744073709551615 MD v t c\r\n", new Meta(new MetaRequest.Arithmetic(bytes("k"),
          Flags.of("NJDMvtc").vivify(0).initial(10).delta(-1L).mode('D').build())));
    }

    @Test
    void anyFlagErrorIsOneReply() {
      assertDecodes("md k x\r\nmd k q q\r\nmd k Cx\r\n", error(MetaReplies.INVALID_OR_DUPLICATE_FLAG),
          error(MetaReplies.INVALID_OR_DUPLICATE_FLAG), error(MetaReplies.INVALID_OR_DUPLICATE_FLAG));
      assertDecodes("ma k Dx\r\nma k Jx\r\n", error(MetaReplies.INVALID_OR_DUPLICATE_FLAG),
          error(MetaReplies.INVALID_OR_DUPLICATE_FLAG));
    }

    @Test
    void arithmeticModes() {
      assertDecodes("ma k MX\r\n", error(MetaReplies.INVALID_ARITHMETIC_MODE));
      assertDecodes("ma k M+\r\n", new Meta(new MetaRequest.Arithmetic(bytes("k"), Flags.of("M").mode('+').build())));
    }

    @Test
    void withoutKey() {
      assertDecodes("md\r\nma\r\n", ERROR, ERROR);
    }
  }

  @Nested
  class NoopDebugAndOthers {
    @Test
    void noopTakesAnyArguments() {
      assertDecodes("mn a b\r\n", new Meta(new MetaRequest.Noop()));
    }

    @Test
    void debug() {
      assertDecodes("me k\r\nme Zm9v b\r\nme k x\r\n", new Meta(new MetaRequest.Debug(bytes("k"), false)),
          new Meta(new MetaRequest.Debug(bytes("foo"), true)), new Meta(new MetaRequest.Debug(bytes("k"), false)));
    }

    @Test
    void debugRefusals() {
      assertDecodes("me\r\nme !! b\r\nme " + "k".repeat(251) + "\r\n", BAD_FORMAT, BAD_FORMAT, BAD_FORMAT);
    }

    @Test
    void otherTwoLetterCommandsStartingWithM() {
      assertDecodes("mz k\r\nmgg k\r\n", ERROR, ERROR);
    }
  }
}
