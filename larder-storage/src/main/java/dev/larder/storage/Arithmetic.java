package dev.larder.storage;

/**
 * The outcome of incr/decr. On {@link Status#OK} and {@link Status#CREATED}, {@code value} is the
 * stored 64-bit unsigned number (read it with {@link Long#toUnsignedString}).
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
}
