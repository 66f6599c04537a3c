package dev.larder.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The once-a-second progress line: elapsed time, requests answered per second over the last second
 * (measured or not), hit ratio and p99 so far.
 */
final class Progress {
  private final PrintStream out;
  private long lastOps;
  private long lastNanos;

  /** @param out where lines go, or null for none ({@code --quiet}) */
  Progress(PrintStream out, long startNanos) {
    this.out = out;
    this.lastNanos = startNanos;
  }

  /** Prints one line; {@code stats} must have been collected just before. */
  void print(BenchStats stats, long now, long startNanos) {
    long ops = stats.replies();
    double seconds = (now - lastNanos) / 1e9;
    double rate = seconds > 0 ? (ops - lastOps) / seconds : 0;
    lastOps = ops;
    lastNanos = now;
    if (out == null) {
      return;
    }
    long lookups = stats.hits() + stats.misses();
    double hitRatio = lookups == 0 ? 0 : 100.0 * stats.hits() / lookups;
    double p99 = stats.allLatency().getValueAtPercentile(99) / 1000.0;
    out.println(String.format(Locale.ROOT, "[%5.1fs] %10.0f ops/s  hits %6.2f%%  p99 %8.1f us  errors %d",
        (now - startNanos) / 1e9, rate, hitRatio, p99, stats.errors()));
  }
}
