package dev.larder.client.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ways to spread keys over servers, named as on the command line ({@code --distribution}). */
public enum Distribution {
  /** Consistent hashing as libmemcached's weighted ketama: {@link KetamaLocator}. */
  KETAMA(KetamaLocator::new),
  /** Highest random weight as pymemcache's {@code HashClient}: {@link RendezvousLocator}. */
  RENDEZVOUS(RendezvousLocator::new),
  /** libmemcached's default, hash modulo server count: {@link ModulaLocator}. */
  MODULA(ModulaLocator::new);

  private final Function<List<Node>, NodeLocator> factory;

  Distribution(Function<List<Node>, NodeLocator> factory) {
    this.factory = factory;
  }

  /**
   * A locator over {@code nodes}.
   *
   * @throws IllegalArgumentException if {@code nodes} is empty
   */
  public NodeLocator locator(List<Node> nodes) {
    return factory.apply(nodes);
  }

  /** The command-line word: {@code ketama}, {@code rendezvous} or {@code modula}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The distribution named by a command-line {@link #word() word}.
   *
   * @throws IllegalArgumentException if {@code word} names none
   */
  public static Distribution parse(String word) {
    return Arrays.stream(values())
        .filter(distribution -> distribution.word().equals(word))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("distribution: '" + word
            + "' (expected: " + Arrays.stream(values()).map(Distribution::word)
            .collect(Collectors.joining("|")) + ")"));
  }
}
