package dev.larder.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Several threads on shared keys. With room for everything, no update may be lost; in a small cache,
 * where evictions move and drop items under the threads' feet, every value read must be one that was
 * written whole.
 */
class SegmentEngineConcurrencyTest {
  private static final int THREADS = 4;
  private static final int KEYS = 8;
  private static final long MB = 1024 * 1024;

  @Test
  void incrementsCasLoopsAndAppendsLoseNoUpdate() throws Exception {
    // 256 MiB makes several shards; pages are taken only as used.
    try (CacheEngine engine = new SegmentEngine(new EngineConfig(256 * MB, 1024 * 1024, true, CacheClock.SYSTEM))) {
      for (int k = 0; k < KEYS; k++) {
        engine.store(StoreMode.SET, key("n", k), 0, 0, b("0"), 0);
        engine.store(StoreMode.SET, key("cas", k), 0, 0, b("0"), 0);
        engine.store(StoreMode.SET, key("log", k), 0, 0, new byte[0], 0);
      }
      int perThread = 1_000;
      runConcurrently(thread -> {
        for (int i = 0; i < perThread; i++) {
          int k = i % KEYS;
          engine.incrementOrDecrement(key("n", k), true, 1);
          casIncrement(engine, key("cas", k));
          engine.store(StoreMode.APPEND, key("log", k), 0, 0, b(thread + ","), 0);
        }
      });
      for (int k = 0; k < KEYS; k++) {
        long expected = (long) THREADS * perThread / KEYS;
        assertThat(read(engine, key("n", k)).trim()).isEqualTo(String.valueOf(expected));
        assertThat(read(engine, key("cas", k)).trim()).isEqualTo(String.valueOf(expected));
        String log = read(engine, key("log", k));
        for (int t = 0; t < THREADS; t++) {
          String token = t + ",";
          assertThat(log.split(Pattern.quote(token), -1)).as("appends of thread %d", t)
              .hasSize(perThread / KEYS + 1);
        }
      }
    }
  }

  @Test
  void evictionUnderConcurrentWritesNeverShowsATornValue() throws Exception {
    try (CacheEngine engine = new SegmentEngine(new EngineConfig(MB, 1024 * 1024, true, CacheClock.SYSTEM))) {
      runConcurrently(thread -> {
        Random random = new Random(thread);
        for (int i = 0; i < 20_000; i++) {
          int k = random.nextInt(2_000); // 2000 keys of about 1 KB overflow the 1 MiB cache
          byte[] key = key("k", k);
          switch (random.nextInt(5)) {
            case 0, 1 -> engine.store(StoreMode.SET, key, k, 0, wellFormed(k, random), 0);
            case 2 -> engine.store(StoreMode.APPEND, key, 0, 0, wellFormed(k, random), 0);
            case 3 -> engine.incrementOrDecrement(key("n", k % 4), true, 1);
            default -> engine.get(key, item -> {
              String value = US_ASCII.decode(item.value()).toString();
              assertThat(item.flags()).isEqualTo(k);
              assertThat(value).matches("(" + k + ":x*;)+");
            });
          }
          engine.get(key("n", k % 4), item -> assertThat(US_ASCII.decode(item.value()).toString()).matches("\\d+ *"));
          if (random.nextInt(100) == 0) {
            engine.store(StoreMode.ADD, key("n", k % 4), 0, 0, b("0"), 0);
          }
        }
      });
      EngineStats stats = engine.stats();
      assertThat(stats.evictions()).isPositive();
      assertThat(stats.bytes()).isLessThanOrEqualTo(MB);
    }
  }

  @Test
  void pinnedValuesStayWholeWhileOtherThreadsEvictAroundThem() throws Exception {
    try (CacheEngine engine = new SegmentEngine(new EngineConfig(MB, 1024 * 1024, true, CacheClock.SYSTEM))) {
      runConcurrently(thread -> {
        Random random = new Random(thread);
        ArrayDeque<PinnedValue> held = new ArrayDeque<>();
        ArrayDeque<Integer> heldKeys = new ArrayDeque<>();
        for (int i = 0; i < 20_000; i++) {
          int k = random.nextInt(2_000);
          if (random.nextInt(4) > 0) {
            engine.store(StoreMode.SET, key("k", k), k, 0, wellFormed(k, random), 0);
          } else {
            engine.get(key("k", k), item -> {
              held.add(item.pin());
              heldKeys.add(k);
            });
          }
          if (held.size() > 2 || !held.isEmpty() && random.nextBoolean()) {
            int pinnedKey = heldKeys.remove();
            try (PinnedValue pinned = held.remove()) {
              assertThat(US_ASCII.decode(pinned.bytes().duplicate()).toString()).matches(pinnedKey + ":x*;");
            }
          }
        }
        held.forEach(PinnedValue::close);
      });
      EngineStats stats = engine.stats();
      assertThat(stats.evictions()).isPositive();
      assertThat(stats.bytes()).isLessThanOrEqualTo(MB);
    }
  }

  /** "k:xxx;" with a random run of x: a reader can tell whether it got the whole of each piece. */
  private static byte[] wellFormed(int k, Random random) {
    return b(k + ":" + "x".repeat(random.nextInt(1_000)) + ";");
  }

  private interface Work {
    void run(int thread) throws Exception;
  }

  private static void runConcurrently(Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Object> task = () -> {
          work.run(thread);
          return null;
        };
        done.add(pool.submit(task));
      }
      for (Future<Object> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void casIncrement(CacheEngine engine, byte[] key) {
    while (true) {
      long[] cas = new long[1];
      String[] value = new String[1];
      engine.get(key, item -> {
        cas[0] = item.cas();
        value[0] = US_ASCII.decode(item.value()).toString();
      });
      byte[] next = b(String.valueOf(Long.parseLong(value[0].trim()) + 1));
      if (engine.store(StoreMode.CAS, key, 0, 0, next, cas[0]) == StoreResult.STORED) {
        return;
      }
    }
  }

  private static String read(CacheEngine engine, byte[] key) {
    String[] seen = new String[1];
    engine.get(key, item -> seen[0] = US_ASCII.decode(item.value()).toString());
    return seen[0];
  }

  private static byte[] key(String prefix, int k) {
    return b(prefix + k);
  }

  private static byte[] b(String s) {
    return s.getBytes(US_ASCII);
  }
}
