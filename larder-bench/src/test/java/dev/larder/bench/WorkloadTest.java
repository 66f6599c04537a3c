package dev.larder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void prefillSetsEveryKeyOnceOnItsServer() {
    int servers = 3;
    int connections = 4;
    long keys = 1001;
    List<Long> set = new ArrayList<>();
    long[] key = new long[1];
    for (int server = 0; server < servers; server++) {
      KeyPartition partition = new KeyPartition(server, servers, keys);
      for (int c = 0; c < connections; c++) {
        Workload prefill = new PrefillWorkload(partition, c, connections);
        while (prefill.hasNext()) {
          assertThat(prefill.nextIsSet(key)).isTrue();
          assertThat(key[0] % servers).isEqualTo(server);
          set.add(key[0]);
        }
      }
    }
    assertThat(set).containsExactlyInAnyOrderElementsOf(LongStream.range(0, keys).boxed().toList());
  }

  @Test
  void mixedWorkloadFollowsTheRatioAndStaysOnItsServer() {
    KeyPartition partition = new KeyPartition(1, 2, 100);
    Workload mixed = new MixedWorkload(new Ratio(3, 1), new UniformKeys(partition.size()), partition,
        new SplittableRandom(1));
    long[] keys = new long[4];
    int sets = 0;
    for (int i = 0; i < 400; i++) {
      boolean set = mixed.nextIsSet(keys);
      sets += set ? 1 : 0;
      for (int k = 0; k < (set ? 1 : keys.length); k++) {
        assertThat(keys[k]).isBetween(0L, 99L).matches(index -> index % 2 == 1);
      }
    }
    assertThat(sets).isEqualTo(100);
  }
}
