package dev.larder.bench;

import java.util.random.RandomGenerator;

/**
 * Zipf-distributed keys: key index {@code k - 1} is drawn with probability proportional to
 * {@code 1 / k^alpha}, for ranks {@code k} from 1 to {@code keys}.
 *
 * <p>Rejection-inversion sampling (W. Hörmann and G. Derflinger, "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3), 1996), as in Apache Commons
 * RNG's {@code RejectionInversionZipfSampler}: constant set-up, no table, and a little over one
 * uniform draw per sample on average for any key count and exponent.
 */
public final class ZipfKeys implements KeySampler {
  private final long keys;
  private final double alpha;
  private final double hIntegralX1;
  private final double hIntegralKeys;
  private final double s;

  /**
   * @param keys how many keys (ranks) there are
   * @param alpha the exponent; 0.99 is the usual web-cache skew
   * @throws IllegalArgumentException if {@code keys < 1} or {@code alpha} is not positive and finite
   */
  public ZipfKeys(long keys, double alpha) {
    if (keys < 1) {
      throw new IllegalArgumentException("keys: " + keys + " (expected: >= 1)");
    }
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("zipf alpha: " + alpha + " (expected: > 0)");
    }
    this.keys = keys;
    this.alpha = alpha;
    this.hIntegralX1 = hIntegral(1.5) - 1;
    this.hIntegralKeys = hIntegral(keys + 0.5);
    this.s = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
  }

  @Override
  public long next(RandomGenerator random) {
    while (true) {
      double u = hIntegralKeys + random.nextDouble() * (hIntegralX1 - hIntegralKeys);
      double x = hIntegralInverse(u);
      long k = Math.max(1, Math.min(keys, (long) (x + 0.5)));
      if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
        return k - 1;
      }
    }
  }

  /** {@code H(x)}, an integral of {@link #h}: {@code ((x^(1-alpha)) - 1) / (1 - alpha)}, or log x at 1. */
  private double hIntegral(double x) {
    double logX = Math.log(x);
    return expm1OverX((1 - alpha) * logX) * logX;
  }

  /** The unnormalised probability of rank {@code x}: {@code x^-alpha}. */
  private double h(double x) {
    return Math.exp(-alpha * Math.log(x));
  }

  private double hIntegralInverse(double x) {
    double t = Math.max(-1, x * (1 - alpha));
    return Math.exp(log1pOverX(t) * x);
  }

  /** {@code log(1 + x) / x}, accurate near 0. */
  private static double log1pOverX(double x) {
    if (Math.abs(x) > 1e-8) {
      return Math.log1p(x) / x;
    }
    return 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
  }

  /** {@code (e^x - 1) / x}, accurate near 0. */
  private static double expm1OverX(double x) {
    if (Math.abs(x) > 1e-8) {
      return Math.expm1(x) / x;
    }
    return 1 + x * 0.5 * (1 + x / 3 * (1 + 0.25 * x));
  }
}
