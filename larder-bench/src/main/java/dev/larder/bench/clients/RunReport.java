package dev.larder.bench.clients;

import dev.larder.bench.Latency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one client at one caller-thread count.
 *
 * @param client the client's label
 * @param threads caller threads
 * @param seconds from the callers' start to the last one's end
 * @param cpuSeconds CPU time the process used meanwhile: callers and client threads together
 * @param gets gets done, failed ones included
 * @param sets sets done, failed ones included
 * @param hits gets that returned the key's value
 * @param misses gets that found nothing
 * @param errors calls that threw, sets refused, gets that returned another key's value
 * @param firstError the first error's description, or empty
 * @param latency every call's latency, failed ones included
 */
public record RunReport(
    String client,
    int threads,
    double seconds,
    double cpuSeconds,
    long gets,
    long sets,
    long hits,
    long misses,
    long errors,
    String firstError,
    Latency latency) {
  private static final String ROW = "%-13s %7d %11.0f %9.1f %9.1f %9.1f %9.1f %9.1f %9d %7d%n";

  /** Adds up what each caller saw. */
  static RunReport of(String client, int threads, double seconds, double cpuSeconds, List<CallerStats> callers) {
    Histogram latency = new Histogram(3);
    long gets = 0;
    long sets = 0;
    long hits = 0;
    long misses = 0;
    long errors = 0;
    String firstError = "";
    for (CallerStats caller : callers) {
      latency.add(caller.latency());
      gets += caller.gets();
      sets += caller.sets();
      hits += caller.hits();
      misses += caller.misses();
      errors += caller.errors();
      if (firstError.isEmpty() && caller.firstError() != null) {
        firstError = Objects.toString(caller.firstError());
      }
    }
    return new RunReport(client, threads, seconds, cpuSeconds, gets, sets, hits, misses, errors, firstError,
        Latency.of(latency));
  }

  /** Calls done, failed ones included. */
  public long ops() {
    return gets + sets;
  }

  /**
   * Successful calls per second: failed calls are left out, since a client that fails fast (a closed
   * connection, an overload) would otherwise look faster for it.
   */
  public double opsPerSecond() {
    return seconds > 0 ? (ops() - errors) / seconds : 0;
  }

  /** CPU microseconds the process spent per call, failed ones included; 0 when there were none. */
  public double cpuMicrosPerOp() {
    return ops() > 0 ? cpuSeconds * 1e6 / ops() : 0;
  }

  /** The column names of {@link #toRow()}. */
  public static String header() {
    return String.format(Locale.ROOT, "%-13s %7s %11s %9s %9s %9s %9s %9s %9s %7s%n", "client", "threads",
        "ops/s", "cpu us/op", "p50 us", "p99 us", "p99.9 us", "max us", "misses", "errors");
  }

  /** One line for people, under {@link #header()}. */
  public String toRow() {
    return String.format(Locale.ROOT, ROW, client, threads, opsPerSecond(), cpuMicrosPerOp(), latency.p50(),
        latency.p99(), latency.p999(), latency.max(), misses, errors);
  }

  /** One JSON object on one line, latencies in microseconds. */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"client\":\"%s\",\"threads\":%d,\"seconds\":%.3f,\"ops\":%d,"
            + "\"ops_per_second\":%.1f,\"cpu_us_per_op\":%.2f,\"gets\":%d,\"sets\":%d,\"hits\":%d,\"misses\":%d,\"errors\":%d,"
            + "\"first_error\":\"%s\",\"latency_us\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,"
            + "\"p99_9\":%.1f,\"max\":%.1f}}%n",
        client, threads, seconds, ops(), opsPerSecond(), cpuMicrosPerOp(), gets, sets, hits, misses, errors,
        jsonEscape(firstError), latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max());
  }

  private static String jsonEscape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
