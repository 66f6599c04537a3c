package dev.larder.bench;

/**
 * Sets every key of one server's partition once, shared among that server's connections: connection
 * {@code c} of {@code n} sets ranks {@code c, c + n, c + 2n, ...}.
 */
final class PrefillWorkload implements Workload {
  private final KeyPartition partition;
  private final long stride;
  private long rank;

  PrefillWorkload(KeyPartition partition, int connection, int connections) {
    this.partition = partition;
    this.stride = connections;
    this.rank = connection;
  }

  @Override
  public boolean hasNext() {
    return rank < partition.size();
  }

  @Override
  public boolean nextIsSet(long[] keys) {
    keys[0] = partition.key(rank);
    rank += stride;
    return true;
  }
}
