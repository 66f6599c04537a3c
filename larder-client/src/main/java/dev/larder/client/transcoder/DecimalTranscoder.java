package dev.larder.client.transcoder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Stores integers as decimal ASCII, as pymemcache stores Python ints ({@code "%d" % value}). The
 * text form is also what memcached's {@code incr}/{@code decr} work on, so a counter written here
 * can be incremented by the server.
 *
 * <p>{@link #INTEGER} and {@link #BIG_INTEGER} write flags {@value Flags#INTEGER} (pymemcache's
 * {@code FLAG_INTEGER}, used by Python 3 for every int); {@link #LONG} writes {@value Flags#LONG}
 * ({@code FLAG_LONG}), which pymemcache also reads as an int and which lets Larder's {@link
 * SerdeTranscoder} give a {@code Long} back as a {@code Long}. All three read either flag.
 *
 * <p>Reading accepts what Python's {@code int()} accepts from these writers: an optional sign,
 * ASCII digits, and surrounding whitespace (memcached may leave trailing spaces after a {@code
 * decr} shortens a number). A number out of the target type's range raises {@link
 * TranscodingException}.
 *
 * @param <T> the Java integer type
 */
public final class DecimalTranscoder<T extends Number> implements Transcoder<T> {
  /** {@code Integer} values with flags {@value Flags#INTEGER}. */
  public static final DecimalTranscoder<Integer> INTEGER =
      new DecimalTranscoder<>(Flags.INTEGER, "an int", BigInteger::intValueExact);
  /** {@code Long} values with flags {@value Flags#LONG}. */
  public static final DecimalTranscoder<Long> LONG =
      new DecimalTranscoder<>(Flags.LONG, "a long", BigInteger::longValueExact);
  /** Integers of any size, like Python's, with flags {@value Flags#INTEGER}. */
  public static final DecimalTranscoder<BigInteger> BIG_INTEGER =
      new DecimalTranscoder<>(Flags.INTEGER, "an integer", Function.identity());

  private final int flags;
  private final String typeName;
  private final Function<BigInteger, T> narrowing;

  private DecimalTranscoder(int flags, String typeName, Function<BigInteger, T> narrowing) {
    this.flags = flags;
    this.typeName = typeName;
    this.narrowing = narrowing;
  }

  @Override
  public CachedData encode(T value) {
    return new CachedData(flags, value.toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public T decode(CachedData data) {
    if (data.flags() != Flags.INTEGER && data.flags() != Flags.LONG) {
      throw Flags.unexpected(data.flags(), Flags.INTEGER + " or " + Flags.LONG + ", integer");
    }
    BigInteger number = parse(data.bytes());
    try {
      return narrowing.apply(number);
    } catch (ArithmeticException e) {
      throw new TranscodingException("stored integer " + number + " does not fit " + typeName, e);
    }
  }

  private static BigInteger parse(byte[] bytes) {
    // US-ASCII turns any other byte into U+FFFD, which BigInteger rejects: only ASCII digits pass.
    String text = new String(bytes, StandardCharsets.US_ASCII).strip();
    try {
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
      throw new TranscodingException("stored value is not a decimal integer: '" + shown + "'", e);
    }
  }
}
