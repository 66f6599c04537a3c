package dev.larder.bench.clients;

import java.util.Arrays;
import java.util.Locale;

/** The clients W5 compares, by the name the command line uses. */
public enum ClientKind {
  LARDER {
    @Override
    public BenchClient connect(ClientSettings settings) {
      return new LarderAdapter(settings);
    }
  },
  SPYMEMCACHED {
    @Override
    public BenchClient connect(ClientSettings settings) throws Exception {
      return new SpymemcachedAdapter(settings);
    }
  },
  XMEMCACHED {
    @Override
    public BenchClient connect(ClientSettings settings) throws Exception {
      return new XmemcachedAdapter(settings);
    }
  },
  FOLSOM {
    @Override
    public BenchClient connect(ClientSettings settings) throws Exception {
      return new FolsomAdapter(settings);
    }
  };

  /**
   * Builds the client and opens its connections.
   *
   * @throws Exception whatever the library throws when it cannot start
   */
  public abstract BenchClient connect(ClientSettings settings) throws Exception;

  /** The name on the command line and in reports: {@code larder}, {@code spymemcached}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind named {@code label}.
   *
   * @throws IllegalArgumentException naming the label and the known ones
   */
  public static ClientKind parse(String label) {
    for (ClientKind kind : values()) {
      if (kind.label().equals(label.strip())) {
        return kind;
      }
    }
    throw new IllegalArgumentException("client: '" + label + "' (expected: one of "
        + Arrays.stream(values()).map(ClientKind::label).toList() + ")");
  }
}
