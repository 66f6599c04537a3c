package dev.larder.bench;

import java.time.Duration;
import java.util.Locale;

/** Durations as the bench commands take them on the command line. */
public final class DurationText {
  private DurationText() {}

  /**
   * Reads {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h}; a bare number is seconds.
   *
   * @throws IllegalArgumentException naming the text if it is none of those
   */
  public static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      char unit = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
      String number = Character.isDigit(unit) ? value : value.substring(0, value.length() - 1);
      long amount = Long.parseLong(number);
      return switch (unit) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> Character.isDigit(unit) ? Duration.ofSeconds(amount) : bad(text);
      };
    } catch (NumberFormatException e) {
      return bad(text);
    }
  }

  private static Duration bad(String text) {
    throw new IllegalArgumentException("duration: '" + text + "' (expected: e.g. 500ms, 10s, 2m)");
  }
}
