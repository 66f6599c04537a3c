package dev.larder.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs SegmentEngine operations on a few keys from several threads and checks that every
 * outcome matches some sequential order of the same operations: each operation is atomic
 * (linearizable) for its key.
 *
 * <p>Stress testing runs a 16-shard engine on real threads, so some keys share a shard and some do
 * not. Model checking explores the thread switches inside operations (around the shard lock, the
 * item reads and writes, the shared CAS generation) on a one-shard engine.
 *
 * <p>Every cache has room for everything, so no eviction makes an outcome depend on timing. CAS
 * uniques are left out of the results: they are unique per engine instance, not a function of the
 * order of operations.
 */
class SegmentEngineLinearizabilityTest {
  private static final int ITEM_SIZE_LIMIT = 1024;

  @Test
  void operationsOverManyShardsAreLinearizable() {
    new StressOptions()
        .iterations(30)
        .invocationsPerIteration(2_000)
        .threads(3)
        .actorsPerThread(3)
        .check(ManyShards.class);
  }

  @Test
  void operationsInOneShardAreLinearizableUnderEveryExploredInterleaving() {
    new ModelCheckingOptions()
        .iterations(20)
        .invocationsPerIteration(200)
        .threads(2)
        .actorsPerThread(3)
        // Only a shard touches its index and segments, always holding its lock; their scans over
        // whole pages are too long for the checker to follow, so it takes each call as one step.
        .addGuarantee(forClasses(HashIndex.class.getName(), Segments.class.getName()).allMethods().treatAsAtomic())
        .check(OneShard.class);
  }

  /** 4 MiB in 4 KiB pages: 16 shards. */
  public static class ManyShards extends Operations {
    public ManyShards() {
      super(4 * 1024 * 1024);
    }
  }

  /** 64 KiB in 4 KiB pages: one shard. */
  public static class OneShard extends Operations {
    public OneShard() {
      super(64 * 1024);
    }
  }

  /** The operations Lincheck calls; each returns what its caller could observe. */
  public abstract static class Operations {
    private static final long NEVER = 0;

    private final CacheEngine engine;

    Operations(long memoryLimit) {
      engine = new SegmentEngine(new EngineConfig(memoryLimit, ITEM_SIZE_LIMIT, true, CacheClock.SYSTEM));
    }

    @Operation
    public String get(@Param(gen = IntGen.class, conf = "1:4") int key) {
      String[] seen = {null};
      engine.get(key(key), item -> seen[0] = item.flags() + ":" + US_ASCII.decode(item.value()));
      return seen[0];
    }

    @Operation
    public StoreResult set(@Param(gen = IntGen.class, conf = "1:4") int key,
        @Param(gen = IntGen.class, conf = "1:3") int value) {
      return engine.store(StoreMode.SET, key(key), value, NEVER, decimal(value), 0);
    }

    @Operation
    public StoreResult add(@Param(gen = IntGen.class, conf = "1:4") int key,
        @Param(gen = IntGen.class, conf = "1:3") int value) {
      return engine.store(StoreMode.ADD, key(key), value, NEVER, decimal(value), 0);
    }

    @Operation
    public StoreResult append(@Param(gen = IntGen.class, conf = "1:4") int key,
        @Param(gen = IntGen.class, conf = "1:3") int value) {
      return engine.store(StoreMode.APPEND, key(key), 0, NEVER, decimal(value), 0);
    }

    @Operation
    public StoreResult prepend(@Param(gen = IntGen.class, conf = "1:4") int key,
        @Param(gen = IntGen.class, conf = "1:3") int value) {
      return engine.store(StoreMode.PREPEND, key(key), 0, NEVER, decimal(value), 0);
    }

    @Operation
    public boolean delete(@Param(gen = IntGen.class, conf = "1:4") int key) {
      return engine.delete(key(key));
    }

    @Operation
    public Arithmetic incr(@Param(gen = IntGen.class, conf = "1:4") int key,
        @Param(gen = IntGen.class, conf = "1:3") int delta) {
      return engine.incrementOrDecrement(key(key), true, delta);
    }

    @Operation
    public Arithmetic decr(@Param(gen = IntGen.class, conf = "1:4") int key,
        @Param(gen = IntGen.class, conf = "1:3") int delta) {
      return engine.incrementOrDecrement(key(key), false, delta);
    }

    private static byte[] key(int key) {
      return ("key" + key).getBytes(US_ASCII);
    }

    /** Decimal, so that incr and decr have numbers to work on, and appends make longer ones. */
    private static byte[] decimal(int value) {
      return Integer.toString(value).getBytes(US_ASCII);
    }
  }
}
