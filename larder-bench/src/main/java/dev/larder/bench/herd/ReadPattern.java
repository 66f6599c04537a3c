package dev.larder.bench.herd;

import dev.larder.client.LarderClient;
import dev.larder.client.helpers.CacheAside;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** How a worker's threads read through the cache, and how the demo changes the source of truth. */
enum ReadPattern {
  /**
   * The tutorial's cache-aside: get; on a miss load and set. Every caller that misses loads; a change
   * deletes the key.
   */
  PLAIN {
    @Override
    Reader reader(LarderClient<String> client, Executor loaders) {
      return new Reader() {
        @Override
        public String read(String key, Callable<String> loader) throws Exception {
          String value = client.sync().get(key);
          if (value == null) {
            value = loader.call();
            client.sync().set(key, value, TTL);
          }
          return value;
        }

        @Override
        public void changed(String key) {
          client.sync().delete(key);
        }
      };
    }
  },

  /** {@link CacheAside}: leases across processes, stale-while-revalidate after {@link CacheAside#invalidate}. */
  LEASE {
    @Override
    Reader reader(LarderClient<String> client, Executor loaders) {
      CacheAside<String> cache = new CacheAside<>(client, loaders);
      return new Reader() {
        @Override
        public String read(String key, Callable<String> loader) {
          try {
            return cache.getOrLoad(key, TTL, loader).join();
          } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
          }
        }

        @Override
        public void changed(String key) {
          cache.invalidate(key).join();
        }
      };
    }
  };

  /** The exptime of every value the demo stores. */
  static final int TTL = 300;

  /** A reader over {@code client} whose loads run on {@code loaders} where the pattern runs them apart. */
  abstract Reader reader(LarderClient<String> client, Executor loaders);

  /** Reads one key, loading it on a miss; tells the cache that the source of truth changed. */
  interface Reader {
    String read(String key, Callable<String> loader) throws Exception;

    void changed(String key);
  }
}
