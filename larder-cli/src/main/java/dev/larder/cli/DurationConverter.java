package dev.larder.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code 250ms}, {@code 5s}, {@code 2m} or an ISO-8601 duration such as {@code PT5S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), value);
      }
      if (text.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2))), value);
      }
      if (text.endsWith("s")) {
        return positive(Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1))), value);
      }
      if (text.endsWith("m")) {
        return positive(Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1))), value);
      }
    } catch (RuntimeException e) {
      // reported below with the accepted forms
    }
    throw new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration (expected: e.g. 500ms, 5s, 2m)");
  }

  private static Duration positive(Duration duration, String value) {
    if (duration.isNegative() || duration.isZero()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration");
    }
    return duration;
  }
}
