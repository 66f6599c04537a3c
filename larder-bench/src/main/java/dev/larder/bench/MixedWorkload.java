package dev.larder.bench;

import java.util.random.RandomGenerator;

/** Gets and sets in the configured ratio, on keys drawn from one server's partition. */
final class MixedWorkload implements Workload {
  private final Ratio ratio;
  private final KeySampler ranks;
  private final KeyPartition partition;
  private final RandomGenerator random;
  private long sequence;

  /**
   * @param ranks draws ranks below {@code partition.size()}
   * @param random this connection's own generator
   */
  MixedWorkload(Ratio ratio, KeySampler ranks, KeyPartition partition, RandomGenerator random) {
    this.ratio = ratio;
    this.ranks = ranks;
    this.partition = partition;
    this.random = random;
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public boolean nextIsSet(long[] keys) {
    boolean set = ratio.isSet(sequence++);
    int count = set ? 1 : keys.length;
    for (int i = 0; i < count; i++) {
      keys[i] = partition.key(ranks.next(random));
    }
    return set;
  }
}
