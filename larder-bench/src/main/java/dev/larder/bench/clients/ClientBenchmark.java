package dev.larder.bench.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * W5 (BENCHMARKS.md): client libraries against one memcached, from N application threads making
 * blocking gets and sets. Runs every client at every thread count, one after another, and prints one
 * line per run; {@code bench/compare-w5.sh} runs it once per client and thread count, alternating, and
 * compares the medians.
 */
public final class ClientBenchmark {
  private ClientBenchmark() {}

  /**
   * Runs the benchmark. Exit status 0 when every run completed without errors, 1 when some run had
   * errors or could not start, 2 for a bad command line.
   */
  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(ClientBenchOptions.USAGE);
      return;
    }
    ClientBenchOptions options;
    try {
      options = ClientBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ClientBenchmark: " + e.getMessage());
      System.err.println(ClientBenchOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options) ? 0 : 1);
  }

  /** Runs {@code options} and prints each run; returns whether all ran without errors. */
  static boolean run(ClientBenchOptions options) throws InterruptedException, IOException {
    String load = options.requests() > 0
        ? options.requests() + " requests" : options.duration().toMillis() / 1000.0 + " s";
    System.out.printf(Locale.ROOT, "W5 clients: %s, %s per run after %.1f s warm-up, get:set %s, %d keys, "
            + "%d B values, %d connections, timeout %d ms%n",
        options.server(), load, options.warmup().toMillis() / 1000.0, options.ratio(), options.keys(),
        options.valueSize(), options.connections(), options.timeout().toMillis());
    System.out.print(RunReport.header());
    ClientRun runner = new ClientRun(options, new KeySpace(options.keys(), options.valueSize()));
    List<String> failures = new ArrayList<>();
    for (int threads : options.threads()) {
      for (ClientKind kind : options.clients()) {
        try {
          RunReport report = runner.run(kind, threads);
          System.out.print(report.toRow());
          if (options.json() != null) {
            Files.writeString(options.json(), report.toJson(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
          if (report.errors() > 0) {
            failures.add(kind.label() + " at " + threads + " threads: " + report.errors() + " errors, first: "
                + report.firstError());
          }
        } catch (Exception e) {
          failures.add(kind.label() + " at " + threads + " threads: " + e);
        }
      }
    }
    failures.forEach(failure -> System.err.println("ClientBenchmark: " + failure));
    return failures.isEmpty();
  }
}
