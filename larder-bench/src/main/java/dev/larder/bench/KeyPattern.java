package dev.larder.bench;

/** How keys are drawn: {@code --key-pattern}. */
public enum KeyPattern {
  /** Every key equally likely. */
  UNIFORM,
  /** Key index 0 most popular, with Zipf exponent {@code --zipf-alpha}. */
  ZIPF;

  /** A sampler over {@code keys} keys; {@code zipfAlpha} matters only for {@link #ZIPF}. */
  public KeySampler sampler(long keys, double zipfAlpha) {
    return switch (this) {
      case UNIFORM -> new UniformKeys(keys);
      case ZIPF -> new ZipfKeys(keys, zipfAlpha);
    };
  }
}
