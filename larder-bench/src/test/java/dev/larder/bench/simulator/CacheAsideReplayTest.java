package dev.larder.bench.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.bench.ValueSizes;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.Lookup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CacheAsideReplayTest {
  private static final ValueSizes SIZES = new ValueSizes(50, 500);

  @Test
  void keysAreTwelveAsciiBytesAsTheReplayScriptSendsThem() {
    assertThat(new String(CacheAsideReplay.key(0x1a2b), StandardCharsets.US_ASCII)).isEqualTo("key:00001a2b");
    assertThat(new String(CacheAsideReplay.key(-1), StandardCharsets.US_ASCII)).isEqualTo("key:ffffffff");
  }

  @Test
  void aCacheLargeEnoughForEveryKeyMissesOnlyFirstRequests() {
    RequestStream stream = new RequestStream("s", new int[] {1, 2, 1, 3, 2, 4, 1, 5, 5, 6}, SIZES, 0.2);
    try (CacheEngine engine = Policy.LRU.open(1 << 20)) {
      assertThat(new CacheAsideReplay().missRatio(engine, stream)).isEqualTo(stream.compulsoryMissRatio());
    }
  }

  @Test
  void aMissStoresAValueOfTheKeysSize() {
    RequestStream stream = new RequestStream("s", new int[] {3, 99}, SIZES, 0);
    for (Policy policy : Policy.values()) {
      try (CacheEngine engine = policy.open(1 << 20)) {
        new CacheAsideReplay().missRatio(engine, stream);
        for (int number : stream.keys()) {
          int[] length = {-1};
          Lookup found = engine.get(CacheAsideReplay.key(number), item -> length[0] = item.value().remaining());
          assertThat(found).as(policy.label()).isEqualTo(Lookup.HIT);
          assertThat(length[0]).as(policy.label()).isEqualTo(SIZES.sizeOf(number));
        }
      }
    }
  }

  @Test
  void aCacheTooSmallForTwoKeysMissesEveryAlternatingRequest() {
    RequestStream stream = new RequestStream("s", new int[] {1, 2, 1, 2, 1, 2}, new ValueSizes(600, 600), 0);
    try (CacheEngine engine = Policy.LRU.open(1000)) {
      assertThat(new CacheAsideReplay().missRatio(engine, stream)).isEqualTo(1.0);
    }
  }
}
