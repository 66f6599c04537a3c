package dev.larder.bench;

import java.util.random.RandomGenerator;

/** Draws key indexes from {@code 0} to {@code keys - 1}; index 0 is the most popular where ranks matter. */
public interface KeySampler {
  /** The next key index, drawn with {@code random}; allocates nothing. */
  long next(RandomGenerator random);
}
