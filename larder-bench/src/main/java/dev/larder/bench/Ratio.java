package dev.larder.bench;

/**
 * The get:set mix, e.g. {@code 9:1}. Each connection follows the ratio exactly over every cycle of
 * {@code gets + sets} requests, sets first, as memtier_benchmark does.
 *
 * @param gets get requests per cycle
 * @param sets set requests per cycle
 */
public record Ratio(int gets, int sets) {
  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if either is negative or both are zero
   */
  public Ratio {
    if (gets < 0 || sets < 0 || gets + sets <= 0) {
      throw new IllegalArgumentException(
          "ratio: " + gets + ":" + sets + " (expected: GETS:SETS, non-negative, not both 0)");
    }
  }

  /**
   * Parses {@code GETS:SETS}, e.g. {@code 9:1}, {@code 1:0} (gets only) or {@code 0:1} (sets only).
   *
   * @throws IllegalArgumentException naming the text if it is not of that form
   */
  public static Ratio parse(String text) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("ratio: '" + text + "' (expected: GETS:SETS, e.g. 9:1)");
    }
    try {
      return new Ratio(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ratio: '" + text + "' (expected: GETS:SETS, e.g. 9:1)", e);
    }
  }

  /** Whether the request with this sequence number (from 0) is a set. */
  public boolean isSet(long sequence) {
    return sequence % (gets + sets) < sets;
  }

  @Override
  public String toString() {
    return gets + ":" + sets;
  }
}
