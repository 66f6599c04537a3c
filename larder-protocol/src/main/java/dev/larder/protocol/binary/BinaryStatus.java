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

  private static final byte[] NOT_FOUND_MESSAGE = ascii("Not found");
  private static final byte[] EXISTS_MESSAGE = ascii("Data exists for key.");
  private static final byte[] TOO_LARGE_MESSAGE = ascii("Too large.");
  private static final byte[] INVALID_ARGUMENTS_MESSAGE = ascii("Invalid arguments");
  private static final byte[] NOT_STORED_MESSAGE = ascii("Not stored.");
  private static final byte[] NON_NUMERIC_MESSAGE = ascii("Non-numeric server-side value for incr or decr");
  private static final byte[] UNKNOWN_COMMAND_MESSAGE = ascii("Unknown command");
  private static final byte[] OUT_OF_MEMORY_MESSAGE = ascii("Out of memory");

  private BinaryStatus() {}

  /** memcached's {@code write_bin_error} text for {@code status}; not to be modified. */
  static byte[] message(int status) {
    return switch (status) {
      case KEY_NOT_FOUND -> NOT_FOUND_MESSAGE;
      case KEY_EXISTS -> EXISTS_MESSAGE;
      case TOO_LARGE -> TOO_LARGE_MESSAGE;
      case INVALID_ARGUMENTS -> INVALID_ARGUMENTS_MESSAGE;
      case NOT_STORED -> NOT_STORED_MESSAGE;
      case NON_NUMERIC -> NON_NUMERIC_MESSAGE;
      case UNKNOWN_COMMAND -> UNKNOWN_COMMAND_MESSAGE;
      case OUT_OF_MEMORY -> OUT_OF_MEMORY_MESSAGE;
      default -> throw new IllegalArgumentException("status: " + status + " (expected: an error status)");
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
