package dev.larder.bench.herd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The thundering-herd demonstration. For each read pattern it starts {@code processes} JVMs ({@link
 * HerdWorker}) of {@code threads} threads each; all of them read one cold key together, then the key
 * is changed (deleted for plain cache-aside, {@link dev.larder.client.helpers.CacheAside#invalidate
 * invalidated} for leases) and all of them read it again; {@code rounds} times, with a new key each
 * round (the first round also warms up the JIT). The loader sleeps {@code loadMillis}. For each phase
 * it prints how many times the loader ran across all processes and the reads' wait (p50, p99, max).
 *
 * <p>Args: {@code --servers h:p[,h:p...] [--processes 4] [--threads 32] [--load-ms 200] [--rounds 3]
 * [--patterns PLAIN,LEASE]}.
 */
public final class HerdDemo {
  private HerdDemo() {}

  /** Runs the demonstration; see {@link HerdDemo}. */
  public static void main(String[] args) throws Exception {
    String servers = null;
    int processes = 4;
    int threads = 32;
    long loadMillis = 200;
    int rounds = 3;
    List<ReadPattern> patterns = List.of(ReadPattern.PLAIN, ReadPattern.LEASE);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--servers" -> servers = args[i + 1];
        case "--processes" -> processes = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--load-ms" -> loadMillis = Long.parseLong(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--patterns" -> patterns = List.of(args[i + 1].toUpperCase(Locale.ROOT).split(",")).stream()
            .map(ReadPattern::valueOf).toList();
        default -> throw new IllegalArgumentException("option: " + args[i] + " (expected: --servers, --processes, "
            + "--threads, --load-ms, --rounds or --patterns)");
      }
    }
    if (servers == null || args.length % 2 != 0) {
      throw new IllegalArgumentException("--servers h:p[,h:p...] is required; every option takes a value");
    }
    System.out.printf("servers %s, %d processes x %d threads, loader %d ms%n", servers, processes, threads,
        loadMillis);
    System.out.printf("%-7s %5s %-12s %6s %13s %9s %9s %9s%n", "pattern", "round", "phase", "reads",
        "loader calls", "p50 ms", "p99 ms", "max ms");
    for (ReadPattern pattern : patterns) {
      run(servers, pattern, processes, threads, loadMillis, rounds);
    }
  }

  private static void run(String servers, ReadPattern pattern, int processes, int threads, long loadMillis,
      int rounds) throws IOException, InterruptedException {
    List<Worker> workers = new ArrayList<>();
    try {
      for (int i = 0; i < processes; i++) {
        workers.add(Worker.start(servers, pattern, threads, loadMillis));
      }
      for (Worker worker : workers) {
        worker.expect("ready");
      }
      for (int round = 1; round <= rounds; round++) {
        String key = "herd:" + pattern.name().toLowerCase(Locale.ROOT) + ":" + round + ":" + System.currentTimeMillis();
        phase(pattern, round, "cold", key, workers);
        workers.get(0).send("changed " + key);
        workers.get(0).expect("ok");
        phase(pattern, round, "invalidated", key, workers);
      }
    } finally {
      for (Worker worker : workers) {
        worker.close();
      }
    }
  }

  /** Every worker's threads read {@code key} together; prints the phase's line. */
  private static void phase(ReadPattern pattern, int round, String phase, String key, List<Worker> workers)
      throws IOException {
    for (Worker worker : workers) {
      worker.send("read " + key);
    }
    Histogram waits = new Histogram(3);
    long loaderCalls = 0;
    for (Worker worker : workers) {
      String[] result = worker.expect("result").split(" ");
      loaderCalls += Long.parseLong(result[1]);
      for (int i = 2; i < result.length; i++) {
        waits.recordValue(Long.parseLong(result[i]));
      }
    }
    System.out.printf("%-7s %5d %-12s %6d %13d %9.1f %9.1f %9.1f%n", pattern, round, phase, waits.getTotalCount(),
        loaderCalls, waits.getValueAtPercentile(50) / 1000.0, waits.getValueAtPercentile(99) / 1000.0,
        waits.getMaxValue() / 1000.0);
  }

  /** One {@link HerdWorker} process and its command pipe. */
  private record Worker(Process process, PrintWriter commands, BufferedReader replies) {
    static Worker start(String servers, ReadPattern pattern, int threads, long loadMillis) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      // No SLF4J provider on the bench's classpath: silence the warning that says so.
      Process process = new ProcessBuilder(java, "-Dslf4j.internal.verbosity=ERROR",
          "-cp", System.getProperty("java.class.path"), HerdWorker.class.getName(),
          servers, pattern.name(), Integer.toString(threads), Long.toString(loadMillis))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      return new Worker(process,
          new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8),
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    void send(String command) {
      commands.println(command);
    }

    /** The worker's next line, which must start with {@code word}. */
    String expect(String word) throws IOException {
      String line = replies.readLine();
      if (line == null || !line.startsWith(word)) {
        throw new IOException("worker " + process.pid() + " said '" + line + "' (expected: " + word + ")");
      }
      return line;
    }

    void close() throws InterruptedException {
      commands.close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
