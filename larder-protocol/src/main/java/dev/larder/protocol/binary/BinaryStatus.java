package dev.larder.protocol.binary;

import java.nio.charset.StandardCharsets;

/** Response statuses and the text memcached 1.6.18 sends as the body of each error. */
public final class BinaryStatus {
  public static final int SUCCESS = 0x00;
  public static final int KEY_NOT_FOUND = 0x01;
  public static final int KEY_EXISTS = 0x02;
  public static final int TOO_LARGE = 0x03;
  public static final int INVALID_ARGUMENTS = 0x04;
  public static final int NOT_STORED = 0x05;
  public static final int NON_NUMERIC = 0x06;
  public static final int UNKNOWN_COMMAND = 0x81;
  public static final int OUT_OF_MEMORY = 0x82;

  private BinaryStatus() {}

  /** memcached's {@code write_bin_error} text for {@code status}. */
  static byte[] message(int status) {
    String text = switch (status) {
      case KEY_NOT_FOUND -> "Not found";
      case KEY_EXISTS -> "Data exists for key.";
      case TOO_LARGE -> "Too large.";
      case INVALID_ARGUMENTS -> "Invalid arguments";
      case NOT_STORED -> "Not stored.";
      case NON_NUMERIC -> "Non-numeric server-side value for incr or decr";
      case UNKNOWN_COMMAND -> "Unknown command";
      case OUT_OF_MEMORY -> "Out of memory";
      default -> throw new IllegalArgumentException("status: " + status + " (expected: an error status)");
    };
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
