package dev.larder.bench.herd;

import dev.larder.client.LarderClient;
import dev.larder.client.transcoder.StringTranscoder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One process of the herd, driven by {@link HerdDemo} over stdin and stdout. Args: {@code servers
 * pattern threads loadMillis}. Prints {@code ready} once connected; then for each line {@code read
 * <key>} its threads read the key once each, all together, and it prints {@code result <loader calls>
 * <wait micros>...} once every load it started (refreshes included) has ended; for {@code changed
 * <key>} it tells the cache that the source of truth changed and prints {@code ok}.
 */
public final class HerdWorker {
  private final ReadPattern.Reader reader;
  private final int threads;
  private final long loadMillis;
  private final ExecutorService readers;
  private final ThreadPoolExecutor loaders;
  private final AtomicInteger loaderCalls = new AtomicInteger();

  private HerdWorker(LarderClient<String> client, ReadPattern pattern, int threads, long loadMillis) {
    this.threads = threads;
    this.loadMillis = loadMillis;
    this.readers = Executors.newFixedThreadPool(threads);
    this.loaders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    this.reader = pattern.reader(client, loaders);
  }

  /** Runs one worker; see {@link HerdWorker}. */
  public static void main(String[] args) throws Exception {
    ReadPattern pattern = ReadPattern.valueOf(args[1]);
    int threads = Integer.parseInt(args[2]);
    long loadMillis = Long.parseLong(args[3]);
    try (LarderClient<String> client = LarderClient.builder().servers(args[0]).build(StringTranscoder.INSTANCE)) {
      HerdWorker worker = new HerdWorker(client, pattern, threads, loadMillis);
      try {
        worker.serve();
      } finally {
        worker.readers.shutdownNow();
        worker.loaders.shutdownNow();
      }
    }
  }

  private void serve() throws Exception {
    // Warms up connections, the meta probe and the JIT outside the measured reads.
    String warmUp = "herd:warm-up:" + ProcessHandle.current().pid();
    for (int i = 0; i < 100; i++) {
      reader.read(warmUp, () -> "warm");
    }
    System.out.println("ready");
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      String[] words = line.split(" ");
      String reply = switch (words[0]) {
        case "read" -> readTogether(words[1]);
        case "changed" -> changed(words[1]);
        default -> throw new IllegalArgumentException("command: '" + line + "' (expected: read KEY or changed KEY)");
      };
      System.out.println(reply);
      System.out.flush();
    }
  }

  private String changed(String key) {
    reader.changed(key);
    return "ok";
  }

  /** Every thread reads {@code key} once, all released together; then waits for loads still running. */
  private String readTogether(String key) throws Exception {
    loaderCalls.set(0);
    CountDownLatch start = new CountDownLatch(1);
    Callable<String> loader = () -> {
      loaderCalls.incrementAndGet();
      Thread.sleep(loadMillis);
      return "value@" + System.nanoTime();
    };
    List<Future<Long>> waits = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      waits.add(readers.submit(() -> {
        start.await();
        long begin = System.nanoTime();
        reader.read(key, loader);
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - begin);
      }));
    }
    start.countDown();
    List<Long> micros = new ArrayList<>();
    for (Future<Long> wait : waits) {
      micros.add(wait.get(60, TimeUnit.SECONDS));
    }
    // Background refreshes are submitted before the read that won them returns: wait for them too.
    while (loaders.getCompletedTaskCount() < loaders.getTaskCount()) {
      Thread.sleep(5);
    }
    return "result " + loaderCalls.get() + " " + micros.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
