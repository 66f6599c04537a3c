package dev.larder.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tukaani.xz.XZInputStream;

/**
 * Eviction quality: cache-aside replays through {@link SegmentEngine} and {@link ReferenceEngine}
 * (strict LRU) at the same limit, printing both miss ratios. SegmentEngine must miss less than LRU on
 * a skewed workload and never more on a scan-polluted one or on the real traces.
 *
 * <p>Benchmark W4 is shortened to 300k keys and 600k requests with the limit scaled to match (the
 * same share of the key space fits). For the full W4 run {@code -Dw4.scale=1}.
 */
class HitRatioTest {
  private static final long MB = 1024 * 1024;
  private static final Path TRACES = Path.of(System.getProperty("traces.dir", "../../shared/traces"));
  private static final double W4_SCALE = Double.parseDouble(System.getProperty("w4.scale", "0.3"));

  @Test
  void missesLessThanLruOnZipf() {
    int keys = (int) (1_000_000 * W4_SCALE);
    int[] requests = zipf(keys, 0.99, 2 * keys, new Random(42));
    double[] missRatios = compare("W4 zipf 0.99", requests, (long) (64 * MB * W4_SCALE), 50, 500, 0.2);
    assertThat(missRatios[0]).isLessThan(missRatios[1]);
  }

  @Test
  void missesNoMoreThanLruWhenScansPolluteZipf() {
    int keys = 200_000;
    Random random = new Random(7);
    int[] requests = zipf(keys, 0.99, 600_000, random);
    int scanKey = keys;
    for (int start = 0; start < requests.length; start += 60_000) {
      for (int i = start; i < start + 15_000; i++) { // a quarter of every stretch is a one-pass scan
        requests[i] = scanKey++;
      }
    }
    double[] missRatios = compare("zipf + scans", requests, 12 * MB, 50, 500, 0.2);
    assertThat(missRatios[0]).isLessThanOrEqualTo(missRatios[1]);
  }

  @ParameterizedTest
  @CsvSource({"web07, 8", "web12, 8", "orm-busy, 32"})
  void missesNoMoreThanLruOnRealTraces(String trace, int megabytes) throws IOException {
    Path file = TRACES.resolve(trace + ".trace.xz");
    Assumptions.assumeTrue(Files.exists(file), "no trace at " + file.toAbsolutePath());
    int[] requests = readTrace(file, 1_500_000);
    double[] missRatios = compare(trace, requests, megabytes * MB, 500, 4000, 0);
    assertThat(missRatios[0]).isLessThanOrEqualTo(missRatios[1]);
  }

  /** Miss ratios of SegmentEngine and ReferenceEngine for one replay, printed side by side. */
  private static double[] compare(
      String name, int[] requests, long limit, int minValue, int maxValue, double warmUp) {
    LongFunction<EngineConfig> config = bytes -> new EngineConfig(bytes, 1024 * 1024, true, CacheClock.SYSTEM);
    double segment;
    double lru;
    try (CacheEngine engine = new SegmentEngine(config.apply(limit))) {
      segment = new CacheAsideReplay(minValue, maxValue).missRatio(engine, requests, warmUp);
    }
    try (CacheEngine engine = new ReferenceEngine(config.apply(limit))) {
      lru = new CacheAsideReplay(minValue, maxValue).missRatio(engine, requests, warmUp);
    }
    System.out.printf("hit ratio %s, %d requests, -m %.1f: miss ratio SegmentEngine %.4f, LRU %.4f (%.2fx)%n",
        name, requests.length, (double) limit / MB, segment, lru, segment / lru);
    return new double[] {segment, lru};
  }

  /** {@code count} key numbers below {@code keys}, number k drawn with probability proportional to 1/(k+1)^alpha. */
  private static int[] zipf(int keys, double alpha, int count, Random random) {
    double[] cumulative = new double[keys];
    double sum = 0;
    for (int k = 0; k < keys; k++) {
      sum += Math.pow(k + 1, -alpha);
      cumulative[k] = sum;
    }
    int[] requests = new int[count];
    for (int i = 0; i < count; i++) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
      requests[i] = Math.min(keys - 1, at < 0 ? -at - 1 : at);
    }
    return requests;
  }

  /** Up to {@code limit} keys of a trace: big-endian 32-bit integers, xz-compressed. */
  private static int[] readTrace(Path file, int limit) throws IOException {
    int[] keys = new int[limit];
    int count = 0;
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(new BufferedInputStream(new XZInputStream(in)))) {
      while (count < limit) {
        keys[count++] = data.readInt();
      }
    } catch (EOFException end) {
      count--; // the read that failed
    }
    return Arrays.copyOf(keys, count);
  }
}
