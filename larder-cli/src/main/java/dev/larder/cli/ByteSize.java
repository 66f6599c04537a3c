package dev.larder.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Reads sizes as memcached's {@code -I} does: a number of bytes with an optional k, m or g suffix. */
final class ByteSize implements CommandLine.ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (!text.isEmpty()) {
      switch (text.charAt(text.length() - 1)) {
        case 'k' -> unit = 1024;
        case 'm' -> unit = 1024 * 1024;
        case 'g' -> unit = 1024 * 1024 * 1024;
        default -> unit = 1;
      }
    }
    String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
    try {
      long bytes = Long.parseLong(digits) * unit;
      if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a positive size");
      }
      return (int) bytes;
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a size (expected: bytes, or a number with k, m or g)");
    }
  }
}
