package dev.larder.bench;

import java.util.random.RandomGenerator;

/** Every key equally likely. */
public final class UniformKeys implements KeySampler {
  private final long keys;

  /**
   * @param keys how many keys there are
   * @throws IllegalArgumentException if {@code keys < 1}
   */
  public UniformKeys(long keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("keys: " + keys + " (expected: >= 1)");
    }
    this.keys = keys;
  }

  @Override
  public long next(RandomGenerator random) {
    return random.nextLong(keys);
  }
}
