package dev.larder.storage;

import java.nio.ByteBuffer;

/**
 * The outcome of incr/decr as the whole-array {@link CacheEngine#applyDelta(byte[], boolean, long, long,
 * InitialValue, ItemEditor) applyDelta} returns it. On {@link Status#OK} and {@link Status#CREATED},
 * {@code value} is the stored 64-bit unsigned number (read it with {@link Long#toUnsignedString}). The
 * range form returns the {@link Status} alone and shows the number in the item it gives its editor
 * ({@link #numberIn}), so that it allocates nothing.
 */
public record Arithmetic(Status status, long value) {

  public enum Status {
    OK,
    /** There was no item; the initial value was stored. */
    CREATED,
    NOT_FOUND,
    /** The stored value is not a decimal 64-bit unsigned number. */
    NON_NUMERIC,
    /** The item's CAS unique is not the expected one. */
    EXISTS
  }

  private static final Arithmetic NOT_FOUND = new Arithmetic(Status.NOT_FOUND, 0);
  private static final Arithmetic NON_NUMERIC = new Arithmetic(Status.NON_NUMERIC, 0);
  private static final Arithmetic EXISTS = new Arithmetic(Status.EXISTS, 0);

  public static Arithmetic ok(long value) {
    return new Arithmetic(Status.OK, value);
  }

  public static Arithmetic created(long value) {
    return new Arithmetic(Status.CREATED, value);
  }

  public static Arithmetic exists() {
    return EXISTS;
  }

  public static Arithmetic notFound() {
    return NOT_FOUND;
  }

  public static Arithmetic nonNumeric() {
    return NON_NUMERIC;
  }

  /** {@code status} with {@code value}, which only {@link Status#OK} and {@link Status#CREATED} carry. */
  static Arithmetic of(Status status, long value) {
    return switch (status) {
      case OK -> ok(value);
      case CREATED -> created(value);
      case NOT_FOUND -> notFound();
      case NON_NUMERIC -> nonNumeric();
      case EXISTS -> exists();
    };
  }

  /**
   * The number in an item that incr/decr stored, as its editor sees it: the item's digits, before the
   * spaces a shorter number is padded with.
   */
  public static long numberIn(ItemView item) {
    ByteBuffer digits = item.value();
    long number = 0;
    for (int i = digits.position(); i < digits.limit() && digits.get(i) != ' '; i++) {
      number = number * 10 + (digits.get(i) - '0'); // wraps as unsigned up to 2^64 - 1
    }
    return number;
  }
}
