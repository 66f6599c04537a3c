package dev.larder.bench;

import java.util.Locale;

/**
 * The outcome of a measured run. Operations are requests: a get of {@code --multiget} keys counts
 * once in {@code gets}, and each of its keys once in {@code hits} or {@code misses}.
 *
 * @param workload what was run, in one line
 * @param seconds from the first request to the last reply
 * @param gets get requests answered
 * @param sets set requests answered
 * @param hits keys found by gets
 * @param misses keys not found by gets
 * @param errors requests answered with an error or a refused store; included in gets and sets
 * @param getLatency latency of gets
 * @param setLatency latency of sets
 * @param allLatency latency of both
 */
public record BenchReport(
    String workload,
    double seconds,
    long gets,
    long sets,
    long hits,
    long misses,
    long errors,
    Latency getLatency,
    Latency setLatency,
    Latency allLatency) {

  /** Requests answered. */
  public long ops() {
    return gets + sets;
  }

  public double opsPerSecond() {
    return seconds > 0 ? ops() / seconds : 0;
  }

  /** Hits over keys asked for; 0 when nothing was asked. */
  public double hitRatio() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }

  /** The report for people: totals, then a latency table in microseconds. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(workload).append('\n');
    text.append(format("%-8s %12d in %.2f s: %.1f ops/s%n", "ops", ops(), seconds, opsPerSecond()));
    text.append(format("%-8s %12d  hits %d  misses %d  hit ratio %.2f%%%n", "gets", gets, hits,
        misses, 100 * hitRatio()));
    text.append(format("%-8s %12d%n", "sets", sets));
    text.append(format("%-8s %12d%n", "errors", errors));
    text.append(format("%-12s %10s %10s %10s %10s %10s%n", "latency us", "p50", "p90", "p99", "p99.9",
        "max"));
    appendRow(text, "get", getLatency);
    appendRow(text, "set", setLatency);
    appendRow(text, "all", allLatency);
    return text.toString();
  }

  /** The report for scripts: one JSON object; latencies in microseconds. */
  public String toJson() {
    return "{\"workload\":\"" + escape(workload) + "\""
        + format(",\"seconds\":%.3f,\"ops\":%d,\"ops_per_second\":%.1f", seconds, ops(), opsPerSecond())
        + format(",\"gets\":%d,\"sets\":%d,\"hits\":%d,\"misses\":%d,\"hit_ratio\":%.6f,\"errors\":%d",
            gets, sets, hits, misses, hitRatio(), errors)
        + ",\"latency_us\":{\"get\":" + json(getLatency) + ",\"set\":" + json(setLatency)
        + ",\"all\":" + json(allLatency) + "}}\n";
  }

  private static void appendRow(StringBuilder text, String name, Latency latency) {
    text.append(format("  %-10s %10.1f %10.1f %10.1f %10.1f %10.1f%n", name, latency.p50(),
        latency.p90(), latency.p99(), latency.p999(), latency.max()));
  }

  private static String json(Latency latency) {
    return format("{\"count\":%d,\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"p99_9\":%.1f,\"max\":%.1f}",
        latency.count(), latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max());
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
