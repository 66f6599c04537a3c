package dev.larder.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Model-based test: long random sequences of every operation over a few keys, with a clock moved by
 * hand, run against {@link SegmentEngine} and {@link ReferenceEngine} side by side. The limit is large
 * enough that nothing is evicted, so every result, value, flag, expiry and counter must agree, and CAS
 * uniques must have the same equality structure (the numbers themselves differ).
 */
class SegmentEngineModelTest {
  private static final int KEYS = 6;
  private static final int STEPS = 3_000;
  private static final String[] VALUES = {
      "", "v", "abc", "0", "1", "9", "42", "99 ", " 7", "+5", "-3", "100",
      "18446744073709551615", "18446744073709551614", "12ab", "hello world"};

  @Property(tries = 60)
  void behavesLikeTheReferenceEngine(@ForAll long seed) {
    new Run(seed).check();
  }

  /** One random sequence; fields hold what the two engines have shown so far. */
  private static final class Run {
    final Random random;
    final ManualClock clock = new ManualClock();
    /** Small, so that appends reach the item size limit. */
    final EngineConfig config = new EngineConfig(64L << 20, 120, true, clock);
    final CacheEngine reference = new ReferenceEngine(config);
    final CacheEngine segment = new SegmentEngine(config);
    final Map<String, Long> referenceCas = new HashMap<>();
    final Map<String, Long> segmentCas = new HashMap<>();
    /** A bijection between the engines' CAS uniques, built as they are seen. */
    final Map<Long, Long> casToSegment = new HashMap<>();
    final Map<Long, Long> casToReference = new HashMap<>();
    final long seed;
    int step;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
    }

    void check() {
      try {
        for (step = 0; step < STEPS; step++) {
          oneStep();
          assertSameStats();
        }
        for (int k = 0; k < KEYS; k++) {
          assertSameRead("k" + k, false, 0);
        }
      } finally {
        reference.close();
        segment.close();
      }
    }

    private void oneStep() {
      String key = "k" + random.nextInt(KEYS);
      byte[] k = key.getBytes(US_ASCII);
      int op = random.nextInt(16);
      switch (op) {
        case 0, 1, 2 -> assertSameRead(key, false, 0);
        case 3 -> assertSameRead(key, true, expiry());
        case 4, 5, 6, 7, 8, 9 -> {
          StoreMode mode = StoreMode.values()[random.nextInt(StoreMode.values().length)];
          int flags = random.nextBoolean() ? 0 : random.nextInt();
          long expiresAt = expiry();
          byte[] value = VALUES[random.nextInt(VALUES.length)].getBytes(US_ASCII);
          boolean staleCas = random.nextInt(4) == 0;
          long refCas = staleCas ? 12345 : referenceCas.getOrDefault(key, 0L);
          long segCas = staleCas ? 12345 : segmentCas.getOrDefault(key, 0L);
          assertThat(segment.store(mode, k, flags, expiresAt, value, segCas))
              .as(where("%s %s", mode, key))
              .isEqualTo(reference.store(mode, k, flags, expiresAt, value, refCas));
        }
        case 10 -> {
          boolean increment = random.nextBoolean();
          long delta = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(200);
          assertThat(segment.incrementOrDecrement(k, increment, delta))
              .as(where("incr/decr %s", key))
              .isEqualTo(reference.incrementOrDecrement(k, increment, delta));
        }
        case 11 -> assertThat(segment.delete(k)).as(where("delete %s", key)).isEqualTo(reference.delete(k));
        case 12 -> {
          long expiresAt = expiry();
          assertThat(segment.touch(k, expiresAt)).as(where("touch %s", key))
              .isEqualTo(reference.touch(k, expiresAt));
        }
        case 13 -> {
          if (random.nextInt(8) == 0) {
            long at = random.nextBoolean() ? 0 : clock.millis() + 1000L * random.nextInt(4);
            reference.flushAll(at);
            segment.flushAll(at);
          }
        }
        default -> clock.advanceSeconds(random.nextInt(3));
      }
    }

    /** Whole seconds, as memcached's exptimes are: never, already passed, relative or absolute. */
    private long expiry() {
      int kind = random.nextInt(6);
      long exptime = switch (kind) {
        case 0, 1 -> 0;
        case 2 -> -1;
        case 3 -> clock.millis() / 1000 + random.nextInt(6);
        default -> 1 + random.nextInt(5);
      };
      return Expiry.fromExptime(exptime, clock.millis());
    }

    private void assertSameRead(String key, boolean touch, long expiresAt) {
      byte[] k = key.getBytes(US_ASCII);
      Seen fromReference = new Seen();
      Seen fromSegment = new Seen();
      Lookup expected = touch ? reference.getAndTouch(k, expiresAt, fromReference) : reference.get(k, fromReference);
      Lookup actual = touch ? segment.getAndTouch(k, expiresAt, fromSegment) : segment.get(k, fromSegment);
      assertThat(actual).as(where("get %s", key)).isEqualTo(expected);
      assertThat(fromSegment.value).as(where("value of %s", key)).isEqualTo(fromReference.value);
      assertThat(fromSegment.flags).as(where("flags of %s", key)).isEqualTo(fromReference.flags);
      assertThat(fromSegment.expiresAt).as(where("expiry of %s", key)).isEqualTo(fromReference.expiresAt);
      if (expected.hit()) {
        referenceCas.put(key, fromReference.cas);
        segmentCas.put(key, fromSegment.cas);
        Long known = casToSegment.putIfAbsent(fromReference.cas, fromSegment.cas);
        Long knownBack = casToReference.putIfAbsent(fromSegment.cas, fromReference.cas);
        assertThat(known == null ? fromSegment.cas : known).as(where("cas of %s", key)).isEqualTo(fromSegment.cas);
        assertThat(knownBack == null ? fromReference.cas : knownBack).as(where("cas of %s", key))
            .isEqualTo(fromReference.cas);
      }
    }

    private void assertSameStats() {
      EngineStats expected = reference.stats();
      EngineStats actual = segment.stats();
      assertThat(actual.currItems()).as(where("curr_items")).isEqualTo(expected.currItems());
      assertThat(actual.totalItems()).as(where("total_items")).isEqualTo(expected.totalItems());
      assertThat(actual.reclaimed()).as(where("reclaimed")).isEqualTo(expected.reclaimed());
      assertThat(actual.expiredUnfetched()).as(where("expired_unfetched")).isEqualTo(expected.expiredUnfetched());
      assertThat(actual.evictions()).as(where("evictions")).isZero();
    }

    private String where(String what, Object... args) {
      return "seed " + seed + " step " + step + ": " + String.format(what, args);
    }
  }

  /** What a visitor was shown. */
  private static final class Seen implements ItemVisitor {
    String value;
    int flags;
    long cas;
    long expiresAt;

    @Override
    public void visit(ItemView item) {
      value = US_ASCII.decode(item.value()).toString();
      flags = item.flags();
      cas = item.cas();
      expiresAt = item.expiresAt();
    }
  }
}
