package dev.larder.bench.simulator;

import dev.larder.bench.ValueSizes;
import dev.larder.bench.ZipfKeys;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A sequence of key numbers to replay, the sizes of their values, and the share of requests at the
 * start that only warm the cache up and are not counted. The key array is shared, not copied: streams
 * are built once and only read.
 *
 * @param name how reports call it
 * @param keys the key number of each request, in order
 * @param valueSizes the value size of each key number
 * @param warmUp the share of {@code keys}, from the start, whose misses are not counted
 */
public record RequestStream(String name, int[] keys, ValueSizes valueSizes, double warmUp) {
  /** Scans replace the start of each of this many equal stretches of a stream. */
  static final int SCAN_STRETCHES = 10;

  public RequestStream {
    if (keys.length == 0) {
      throw new IllegalArgumentException("requests: 0 (expected: >= 1)");
    }
    if (!(warmUp >= 0 && warmUp < 1)) {
      throw new IllegalArgumentException("warmup: " + warmUp + " (expected: 0 <= warmup < 1)");
    }
  }

  /**
   * {@code requests} key numbers below {@code keyCount}, Zipf-distributed with exponent {@code
   * alpha} (0 is the most popular), drawn from a generator seeded with {@code seed}.
   */
  public static RequestStream zipf(
      int keyCount, double alpha, int requests, ValueSizes valueSizes, double warmUp, long seed) {
    ZipfKeys zipf = new ZipfKeys(keyCount, alpha);
    SplittableRandom random = new SplittableRandom(seed);
    int[] keys = new int[requests];
    for (int i = 0; i < requests; i++) {
      keys[i] = (int) zipf.next(random);
    }
    return new RequestStream("zipf " + alpha, keys, valueSizes, warmUp);
  }

  /**
   * This stream with one-pass scans mixed in: the stream is cut into {@value #SCAN_STRETCHES} equal
   * stretches, and the first {@code share} of each becomes a run of keys never requested before or
   * after (numbers above every key of this stream), the way a batch job or a crawler reads through a
   * table once.
   */
  public RequestStream withScans(double share) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("scans: " + share + " (expected: 0 < share < 1)");
    }
    int[] mixed = keys.clone();
    int next = 1 + Arrays.stream(keys).max().orElse(-1);
    int stretch = Math.max(1, mixed.length / SCAN_STRETCHES);
    for (int start = 0; start < mixed.length; start += stretch) {
      int end = Math.min(mixed.length, start + (int) Math.round(stretch * share));
      for (int i = start; i < end; i++) {
        mixed[i] = next++;
      }
    }
    return new RequestStream(name + " + " + Math.round(share * 100) + "% scans", mixed, valueSizes, warmUp);
  }

  /** The same stream cut to its first {@code requests} requests. */
  public RequestStream limitedTo(int requests) {
    if (requests >= keys.length) {
      return this;
    }
    return new RequestStream(name + " (first " + requests + ")", Arrays.copyOf(keys, requests),
        valueSizes, warmUp);
  }

  /** The requests whose misses count: those after the warm-up. */
  public int countedFrom() {
    return (int) (keys.length * warmUp);
  }

  /**
   * The miss ratio no policy can beat: the share of counted requests that ask for a key for the first
   * time in the stream, so that even an unlimited cache misses them.
   */
  public double compulsoryMissRatio() {
    Set<Integer> seen = new HashSet<>();
    long firsts = 0;
    for (int i = 0; i < keys.length; i++) {
      if (seen.add(keys[i]) && i >= countedFrom()) {
        firsts++;
      }
    }
    return (double) firsts / (keys.length - countedFrom());
  }
}
