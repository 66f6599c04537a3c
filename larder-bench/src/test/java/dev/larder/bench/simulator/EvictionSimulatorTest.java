package dev.larder.bench.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.bench.ValueSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eviction quality: SegmentEngine must miss less than strict LRU at the same limit on skewed
 * workloads, and never more on a scan-polluted one or on real traces. The streams are deterministic,
 * so these ratios are the same on every run; each is printed beside LRU's.
 *
 * <p>Benchmark W4 (1M keys, 2M requests, {@code -m 64}) is shortened to 300k keys and 600k requests
 * with the limit scaled to match, so the same share of the key space fits.
 */
class EvictionSimulatorTest {
  private static final long MB = 1024 * 1024;
  private static final ValueSizes W4_VALUES = new ValueSizes(50, 500);
  private static final ValueSizes W6_VALUES = new ValueSizes(500, 4000);
  /** The cache2k traces beside the repository, when this checkout has them. */
  private static final Path SHARED_TRACES = Path.of("../../shared/traces");

  /** At alpha 1.2 the W4 limit holds nearly every key requested twice, so it gets a smaller one. */
  @ParameterizedTest
  @CsvSource({"0.6, 19.2", "0.8, 19.2", "0.99, 19.2", "1.2, 2"})
  void missesLessThanLruOnZipf(double alpha, double megabytes) {
    RequestStream w4 = RequestStream.zipf(300_000, alpha, 600_000, W4_VALUES, 0.2, 42);
    SimulationResult result = simulate(w4, (long) (megabytes * MB));
    assertThat(result.segmentEngine()).isLessThan(result.lru());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 0.5})
  void missesNoMoreThanLruWhenScansPolluteZipf(double scanShare) {
    RequestStream scanned = RequestStream.zipf(200_000, 0.99, 600_000, W4_VALUES, 0.2, 7).withScans(scanShare);
    SimulationResult result = simulate(scanned, 12 * MB);
    assertThat(result.segmentEngine()).isLessThanOrEqualTo(result.lru());
  }

  /** A limit of 8 MB holds about a quarter of web12's keys, so eviction decides the misses. */
  @ParameterizedTest
  @ValueSource(ints = {4, 8, 16})
  void missesLessThanLruOnTheBundledTrace(int megabytes) {
    SimulationResult result = simulate(Traces.bundled(W6_VALUES), megabytes * MB);
    assertThat(result.segmentEngine()).isLessThan(result.lru());
  }

  @ParameterizedTest
  @CsvSource({"web07, 8", "orm-busy, 32"})
  void missesNoMoreThanLruOnTheSharedTraces(String trace, int megabytes) throws IOException {
    Path file = SHARED_TRACES.resolve(trace + ".trace.xz");
    Assumptions.assumeTrue(Files.exists(file), "no trace at " + file.toAbsolutePath());
    SimulationResult result = simulate(Traces.read(file, W6_VALUES).limitedTo(1_500_000), megabytes * MB);
    assertThat(result.segmentEngine()).isLessThanOrEqualTo(result.lru());
  }

  private static SimulationResult simulate(RequestStream stream, long limit) {
    SimulationResult result = EvictionSimulator.simulate(stream, limit);
    assertThat(result.segmentEngine()).isGreaterThanOrEqualTo(result.compulsory());
    System.out.println(result.toRow());
    return result;
  }
}
