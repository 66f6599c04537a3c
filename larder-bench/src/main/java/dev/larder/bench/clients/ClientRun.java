package dev.larder.bench.clients;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One client at one caller-thread count: connect, set every key once, warm up, measure, close. Only the
 * measured phase is reported; the warm-up gives the JIT and the library's pools the same start for
 * every client.
 */
final class ClientRun {
  private static final int PREFILL_ATTEMPTS = 5;
  private static final Duration PREFILL_RETRY_PAUSE = Duration.ofMillis(200);
  private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
  /**
   * CPU time of the whole process: the callers and the client's own threads. On a shared machine it
   * varies less with other load than throughput does.
   */
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final ClientBenchOptions options;
  private final KeySpace keys;

  ClientRun(ClientBenchOptions options, KeySpace keys) {
    this.options = options;
    this.keys = keys;
  }

  /**
   * Runs {@code kind} with {@code threads} callers.
   *
   * @throws Exception if the client cannot start, or the prefill fails
   */
  RunReport run(ClientKind kind, int threads) throws Exception {
    try (BenchClient client = kind.connect(options.settings())) {
      prefill(client, threads);
      if (!options.warmup().isZero()) {
        phase(client, threads, options.warmup(), Long.MAX_VALUE);
      }
      return options.requests() > 0
          ? report(kind, threads, phase(client, threads, null, options.requests()))
          : report(kind, threads, phase(client, threads, options.duration(), Long.MAX_VALUE));
    }
  }

  /**
   * Sets every key once, the key space split among the callers, so that gets can hit. A failed set is
   * tried again after a pause, up to {@value #PREFILL_ATTEMPTS} times in all: on a busy machine a call
   * can time out, or a client can drop a connection it believes dead and need a moment to reconnect; the
   * prefill is not measured.
   */
  private void prefill(BenchClient client, int threads) throws InterruptedException {
    List<Thread> fillers = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      fillers.add(started("prefill-" + t, () -> {
        for (int index = first; index < keys.size(); index += threads) {
          Exception failure = prefillOne(client, index);
          if (failure != null) {
            synchronized (failures) {
              failures.add(failure);
            }
            return;
          }
        }
      }));
    }
    for (Thread filler : fillers) {
      filler.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("prefill failed: " + failures.get(0), failures.get(0));
    }
  }

  /** Sets key {@code index}; returns the last failure if no attempt succeeded, else null. */
  private Exception prefillOne(BenchClient client, int index) {
    Exception failure = null;
    for (int attempt = 0; attempt < PREFILL_ATTEMPTS; attempt++) {
      try {
        if (attempt > 0) {
          Thread.sleep(PREFILL_RETRY_PAUSE.toMillis() * attempt);
        }
        if (client.set(keys.key(index), keys.value(index))) {
          return null;
        }
        failure = new IllegalStateException("set " + keys.key(index) + ": not stored");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return e;
      } catch (Exception e) {
        failure = e;
      }
    }
    return failure;
  }

  private record Phase(double seconds, double cpuSeconds, List<CallerStats> callers) {}

  /**
   * Runs {@code threads} callers until {@code duration} is over, or, when it is null, until they have
   * made {@code requests} calls together.
   */
  private Phase phase(BenchClient client, int threads, Duration duration, long requests)
      throws InterruptedException {
    SplittableRandom seeds = new SplittableRandom(options.seed());
    // Set once the collection below is over, before the callers start (which makes it visible to them).
    long[] deadline = {Long.MAX_VALUE};
    List<Caller> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long calls = requests == Long.MAX_VALUE ? requests : requests / threads + (t < requests % threads ? 1 : 0);
      callers.add(new Caller(client, keys, options.ratio(), seeds.split(), calls,
          () -> System.nanoTime() >= deadline[0]));
    }
    // What the harness keeps (the key space, the callers' histograms) goes to the old generation now,
    // so the young collections of the phase copy only the client's own live objects. Otherwise the
    // first collections of a run copy those megabytes again and again until they age out, and a client
    // that allocates less meets more of those costly collections inside the measured time.
    System.gc();
    long cpuStart = PROCESS.getProcessCpuTime();
    long start = System.nanoTime();
    if (duration != null) {
      deadline[0] = start + duration.toNanos();
    }
    List<Thread> running = callers.stream()
        .map(caller -> started("caller", caller))
        .toList();
    for (Thread thread : running) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
    double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuStart) / NANOS_PER_SECOND;
    return new Phase(seconds, cpuSeconds, callers.stream().map(Caller::stats).toList());
  }

  private static Thread started(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.start();
    return thread;
  }

  private static RunReport report(ClientKind kind, int threads, Phase phase) {
    return RunReport.of(kind.label(), threads, phase.seconds(), phase.cpuSeconds(), phase.callers());
  }
}
