package dev.larder.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CacheEngine} shares; each engine's test extends it. Assertions about
 * which items an engine evicts first belong in that engine's own test.
 */
abstract class CacheEngineContract {
  static final long MB = 1024 * 1024;
  final ManualClock clock = new ManualClock();
  CacheEngine engine = engine(64 * MB, true);

  @AfterEach
  void close() {
    engine.close();
  }

  abstract CacheEngine newEngine(EngineConfig config);

  /** What {@link EngineStats#bytes} counts for one item with these sizes and no flags. */
  abstract long itemCost(int keyLength, int valueLength);

  CacheEngine engine(long limit, boolean evictions) {
    return newEngine(new EngineConfig(limit, 1024 * 1024, evictions, clock));
  }

  static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  /** The value under {@code key}, or null on a miss. */
  String read(String key) {
    String[] seen = new String[1];
    engine.get(b(key), item -> seen[0] = UTF_8.decode(item.value()).toString());
    return seen[0];
  }

  long casOf(String key) {
    long[] cas = new long[1];
    engine.get(b(key), item -> cas[0] = item.cas());
    return cas[0];
  }

  private int flagsOf(String key) {
    int[] flags = new int[1];
    engine.get(b(key), item -> flags[0] = item.flags());
    return flags[0];
  }

  StoreResult set(String key, String value) {
    return engine.store(StoreMode.SET, b(key), 0, 0, b(value), 0);
  }

  @Test
  void setThenGetReturnsTheValue() {
    assertThat(set("k", "v")).isEqualTo(StoreResult.STORED);
    assertThat(read("k")).isEqualTo("v");
    assertThat(engine.get(b("missing"), item -> {})).isEqualTo(Lookup.MISS);
  }

  @Test
  void storesAKeyGivenAsARangeOfALargerArrayAndAValueGivenAsTheRestOfABuffer() {
    byte[] line = b("set a-longer-key 5 0 5"); // the key's 12 bytes span a whole 8-byte word
    ByteBuffer data = ByteBuffer.wrap(b("[hello]"));
    assertThat(engine.store(StoreMode.SET, line, 4, 12, 5, 0, data.limit(6).position(1), 0, false, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(data.position()).as("the value is read, not consumed").isEqualTo(1);
    assertThat(read("a-longer-key")).isEqualTo("hello");
    assertThat(flagsOf("a-longer-key")).isEqualTo(5);
    assertThat(engine.store(StoreMode.APPEND, line, 4, 12, 0, 0, data.limit(7).position(6), 0, false, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(engine.store(StoreMode.PREPEND, line, 4, 12, 0, 0, data.position(0).limit(1), 0, false, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(read("a-longer-key")).isEqualTo("[hello]");
    assertThat(engine.store(StoreMode.ADD, line, 4, 1, 0, 0, data.position(1).limit(1), 0, false, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(read("a")).isEmpty();
  }

  @Test
  void storesAValueFromDirectMemory() {
    byte[] value = filled('d', 100_000);
    ByteBuffer direct = ByteBuffer.allocateDirect(value.length + 2).put((byte) '<').put(value).put((byte) '>');
    byte[] key = b("direct");
    assertThat(engine.store(StoreMode.SET, key, 0, key.length, 0, 0, direct.position(1).limit(1 + value.length), 0,
        false, item -> {})).isEqualTo(StoreResult.STORED);
    assertThat(read("direct")).isEqualTo(new String(value, UTF_8));
  }

  @Test
  void getsAKeyGivenAsARangeOfALargerArray() {
    set("a-longer-key", "v");
    byte[] line = b("get a-longer-key");
    String[] seen = new String[1];
    assertThat(engine.get(line, 4, 12, item -> seen[0] = UTF_8.decode(item.value()).toString())).isEqualTo(Lookup.HIT);
    assertThat(seen[0]).isEqualTo("v");
    assertThat(engine.get(line, 4, 8, item -> {})).isEqualTo(Lookup.MISS); // "a-longer"
  }

  @Test
  void editsAndCreatesAKeyGivenAsARangeOfALargerArray() {
    set("a-longer-key", "v");
    byte[] line = b("mg a-longer-key v N30");
    String[] seen = new String[1];
    ItemEditor show = (item, created) -> seen[0] = created + " " + UTF_8.decode(item.value());
    assertThat(engine.edit(line, 3, 12, false, true, show)).isEqualTo(Lookup.HIT);
    assertThat(seen[0]).isEqualTo("false v");
    assertThat(engine.edit(line, 3, 8, false, true, show)).isEqualTo(Lookup.MISS); // "a-longer"
    assertThat(engine.edit(line, 3, 8, true, true, show)).isEqualTo(Lookup.HIT);
    assertThat(seen[0]).isEqualTo("true ");
    assertThat(read("a-longer")).isEmpty();
  }

  @Test
  void touchesChangesAndDeletesKeysGivenAsRangesOfALargerArray() {
    byte[] line = b("cmd a-longer-key"); // the key at 4, 12 bytes; "a-longer" its first 8
    set("a-longer-key", "10");
    long expiresAt = clock.millis() + 60_000;
    assertThat(engine.touch(line, 4, 12, expiresAt)).isTrue();
    assertThat(engine.touch(line, 4, 8, expiresAt)).isFalse();
    long[] seen = new long[1];
    assertThat(engine.getAndTouch(line, 4, 12, expiresAt + 1000, item -> seen[0] = item.expiresAt()))
        .isEqualTo(Lookup.HIT);
    assertThat(seen[0]).isEqualTo(expiresAt + 1000);
    assertThat(engine.getAndTouch(line, 4, 8, expiresAt, item -> {})).isEqualTo(Lookup.MISS);

    long[] number = new long[1];
    ItemEditor showNumber = (item, created) -> number[0] = Arithmetic.numberIn(item);
    assertThat(engine.applyDelta(line, 4, 12, true, 5, 0, null, showNumber)).isEqualTo(Arithmetic.Status.OK);
    assertThat(number[0]).isEqualTo(15);
    assertThat(engine.applyDelta(line, 4, 8, false, 1, 0, null, showNumber)).isEqualTo(Arithmetic.Status.NOT_FOUND);
    assertThat(engine.applyDelta(line, 4, 8, true, 1, 0, new InitialValue(7, 0), showNumber))
        .isEqualTo(Arithmetic.Status.CREATED);
    assertThat(number[0]).isEqualTo(7);
    assertThat(read("a-longer-key")).isEqualTo("15");
    assertThat(read("a-longer")).isEqualTo("7");

    assertThat(engine.markStale(line, 4, 12, casOf("a-longer-key") + 1, CacheEngine.KEEP_EXPIRY))
        .isEqualTo(ChangeResult.EXISTS);
    assertThat(engine.markStale(line, 4, 12, 0, CacheEngine.KEEP_EXPIRY)).isEqualTo(ChangeResult.CHANGED);
    boolean[] stale = new boolean[1];
    engine.edit(b("a-longer-key"), false, false, (item, created) -> stale[0] = item.stale());
    assertThat(stale[0]).isTrue();
    assertThat(engine.delete(line, 4, 12, 0)).isEqualTo(ChangeResult.CHANGED);
    assertThat(engine.delete(line, 4, 12, 0)).isEqualTo(ChangeResult.NOT_FOUND);
    assertThat(read("a-longer-key")).isNull();
    assertThat(read("a-longer")).isEqualTo("7");
  }

  @Test
  void addOnlyStoresNewKeysAndReplaceOnlyExistingOnes() {
    assertThat(engine.store(StoreMode.REPLACE, b("k"), 0, 0, b("r"), 0)).isEqualTo(StoreResult.NOT_STORED);
    assertThat(engine.store(StoreMode.ADD, b("k"), 0, 0, b("a"), 0)).isEqualTo(StoreResult.STORED);
    assertThat(engine.store(StoreMode.ADD, b("k"), 0, 0, b("b"), 0)).isEqualTo(StoreResult.NOT_STORED);
    assertThat(engine.store(StoreMode.REPLACE, b("k"), 0, 0, b("r"), 0)).isEqualTo(StoreResult.STORED);
    assertThat(read("k")).isEqualTo("r");
  }

  @Test
  void appendAndPrependKeepFlagsAndExpiry() {
    engine.store(StoreMode.SET, b("k"), 42, clock.millis() + 10_000, b("mid"), 0);
    engine.store(StoreMode.APPEND, b("k"), 7, 0, b(">"), 0);
    engine.store(StoreMode.PREPEND, b("k"), 7, 0, b("<"), 0);
    assertThat(read("k")).isEqualTo("<mid>");
    assertThat(flagsOf("k")).isEqualTo(42);
    clock.advanceSeconds(11);
    assertThat(read("k")).isNull();
    assertThat(engine.store(StoreMode.APPEND, b("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
  }

  @Test
  void casStoresOnlyOverTheUniqueItWasGiven() {
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("x"), 1)).isEqualTo(StoreResult.NOT_FOUND);
    set("k", "v1");
    long cas = casOf("k");
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("v2"), cas + 1)).isEqualTo(StoreResult.EXISTS);
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("v2"), cas)).isEqualTo(StoreResult.STORED);
    assertThat(casOf("k")).isNotEqualTo(cas);
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("v3"), cas)).isEqualTo(StoreResult.EXISTS);
  }

  @Test
  void everyModificationChangesTheCasUnique() {
    set("n", "1");
    long first = casOf("n");
    engine.incrementOrDecrement(b("n"), true, 1);
    long second = casOf("n");
    engine.store(StoreMode.APPEND, b("n"), 0, 0, b("0"), 0);
    assertThat(List.of(first, second, casOf("n"))).doesNotHaveDuplicates();
  }

  @Test
  void incrementWrapsAt2To64AndDecrementStopsAtZero() {
    set("n", "18446744073709551615");
    assertThat(engine.incrementOrDecrement(b("n"), true, 1)).isEqualTo(Arithmetic.ok(0));
    set("n", "5");
    assertThat(engine.incrementOrDecrement(b("n"), false, 9)).isEqualTo(Arithmetic.ok(0));
    assertThat(engine.incrementOrDecrement(b("none"), true, 1)).isEqualTo(Arithmetic.notFound());
    set("s", "abc");
    assertThat(engine.incrementOrDecrement(b("s"), true, 1)).isEqualTo(Arithmetic.nonNumeric());
  }

  @Test
  void aShorterResultIsSpacePaddedLikeMemcached() {
    set("n", "100");
    assertThat(engine.incrementOrDecrement(b("n"), false, 1)).isEqualTo(Arithmetic.ok(99));
    assertThat(read("n")).isEqualTo("99 ");
    assertThat(engine.incrementOrDecrement(b("n"), true, 901)).isEqualTo(Arithmetic.ok(1000));
    assertThat(read("n")).isEqualTo("1000");
  }

  @Test
  void itemsExpireOnTimeAndTouchMovesTheTime() {
    engine.store(StoreMode.SET, b("k"), 0, Expiry.fromExptime(2, clock.millis()), b("v"), 0);
    clock.advanceSeconds(1);
    assertThat(engine.touch(b("k"), Expiry.fromExptime(10, clock.millis()))).isTrue();
    clock.advanceSeconds(5);
    assertThat(read("k")).isEqualTo("v");
    clock.advanceSeconds(5);
    assertThat(engine.get(b("k"), item -> {})).isEqualTo(Lookup.EXPIRED);
  }

  @Test
  void aLookupOfAnExpiredItemSaysSoOnce() {
    engine.store(StoreMode.SET, b("k"), 0, Expiry.fromExptime(1, clock.millis()), b("v"), 0);
    clock.advanceSeconds(1);
    assertThat(engine.get(b("k"), item -> {})).isEqualTo(Lookup.EXPIRED);
    assertThat(engine.get(b("k"), item -> {})).isEqualTo(Lookup.MISS);
    assertThat(engine.stats().expiredUnfetched()).isEqualTo(1);
  }

  @Test
  void negativeExptimeStoresAnAlreadyExpiredItem() {
    engine.store(StoreMode.SET, b("k"), 0, Expiry.fromExptime(-1, clock.millis()), b("v"), 0);
    assertThat(read("k")).isNull();
    assertThat(engine.store(StoreMode.ADD, b("k"), 0, 0, b("w"), 0)).isEqualTo(StoreResult.STORED);
  }

  @Test
  void getAndTouchSetsTheNewExpiry() {
    set("k", "v");
    engine.getAndTouch(b("k"), Expiry.fromExptime(1, clock.millis()), item -> {});
    clock.advanceSeconds(2);
    assertThat(read("k")).isNull();
  }

  /** What {@link CacheEngine#getAll} told its visitor, a line per key: "0 hit v" or "1 MISS". */
  List<String> getAll(boolean touch, long expiresAt, String... keys) {
    List<String> seen = new ArrayList<>();
    engine.getAll(new PackedKeys(Arrays.stream(keys).map(CacheEngineContract::b).toList()), touch, expiresAt,
        new MultiLookupVisitor() {
          @Override
          public void hit(int index, ItemView item) {
            seen.add(index + " hit " + UTF_8.decode(item.value()));
          }

          @Override
          public void missed(int index, Lookup how) {
            seen.add(index + " " + how);
          }
        });
    return seen;
  }

  @Test
  void getAllLooksTheKeysUpInOrderAndSaysHowEachLookupEnded() {
    set("gone", "0");
    engine.flushAll(0);
    set("a", "1");
    set("b", "2");
    engine.store(StoreMode.SET, b("old"), 0, Expiry.fromExptime(1, clock.millis()), b("x"), 0);
    clock.advanceSeconds(1);
    assertThat(getAll(false, 0, "a", "missing", "old", "gone", "b", "a"))
        .containsExactly("0 hit 1", "1 MISS", "2 EXPIRED", "3 FLUSHED", "4 hit 2", "5 hit 1");
    assertThat(getAll(false, 0, "old")).containsExactly("0 MISS");
    assertThat(getAll(false, 0)).isEmpty();
  }

  @Test
  void getAllWithTouchSetsTheExpiryOfEveryHit() {
    set("a", "1");
    set("b", "2");
    assertThat(getAll(true, Expiry.fromExptime(1, clock.millis()), "a", "missing", "b"))
        .containsExactly("0 hit 1", "1 MISS", "2 hit 2");
    clock.advanceSeconds(2);
    assertThat(getAll(false, 0, "a", "b")).containsExactly("0 EXPIRED", "1 EXPIRED");
  }

  /**
   * What {@link CacheEngine#editAll} told its editor, a line per key: "0 hit v", "1 created", "2 MISS";
   * a hit says "won" when the item's win token was already sent, and every item edited is marked so.
   */
  List<String> editAll(String keys, String creates, String records) {
    List<String> seen = new ArrayList<>();
    List<byte[]> names = keys.isEmpty() ? List.of() : Arrays.stream(keys.split(" ")).map(CacheEngineContract::b).toList();
    engine.editAll(new PackedKeys(names), new MultiItemEditor() {
      @Override
      public boolean createIfMissing(int index) {
        return creates.charAt(index) == 'c';
      }

      @Override
      public boolean recordAccess(int index) {
        return records.charAt(index) == 'r';
      }

      @Override
      public void edit(int index, EditableItem item, boolean created) {
        seen.add(index + (created ? " created" : " hit " + UTF_8.decode(item.value()))
            + (item.winTokenSent() ? " won" : "") + (item.fetched() ? " fetched" : ""));
        item.markWinTokenSent();
      }

      @Override
      public void missed(int index, Lookup how) {
        seen.add(index + " " + how);
      }
    });
    return seen;
  }

  @Test
  void editAllEditsTheKeysInOrderEachAsItsOwnEdit() {
    set("gone", "0");
    engine.flushAll(0);
    set("a", "1");
    engine.store(StoreMode.SET, b("old"), 0, Expiry.fromExptime(1, clock.millis()), b("x"), 0);
    clock.advanceSeconds(1);
    // The second edit of a key sees what the first did: its win token, its creation, its access.
    assertThat(editAll("a missing new old gone a new", "-cc---c", "r------"))
        .containsExactly("0 hit 1", "1 created", "2 created", "3 EXPIRED", "4 FLUSHED", "5 hit 1 won fetched",
            "6 hit  won");
    assertThat(read("missing")).isEmpty();
    assertThat(editAll("nothing", "-", "-")).containsExactly("0 MISS");
    assertThat(editAll("", "", "")).isEmpty();
  }

  @Test
  void flushAllHidesEverythingStoredBeforeIt() {
    set("a", "1");
    engine.flushAll(0);
    assertThat(engine.get(b("a"), item -> {})).isEqualTo(Lookup.FLUSHED);
    set("b", "2");
    assertThat(read("b")).isEqualTo("2");
  }

  @Test
  void aDelayedFlushTakesEffectWhenItsTimeComes() {
    set("a", "1");
    engine.flushAll(clock.millis() + 5_000);
    clock.advanceSeconds(4);
    assertThat(read("a")).isEqualTo("1");
    clock.advanceSeconds(1);
    assertThat(read("a")).isNull();
    set("b", "2");
    assertThat(read("b")).isEqualTo("2");
  }

  @Test
  void aFullCacheKeepsTheItemItReadsAndStaysWithinItsLimit() {
    engine = engine(MB, true);
    byte[] value = new byte[10_000];
    for (int i = 0; i < 200; i++) {
      engine.store(StoreMode.SET, b("k" + i), 0, 0, value, 0);
      read("k0"); // keep k0 recently used
    }
    EngineStats stats = engine.stats();
    assertThat(stats.evictions()).isPositive();
    assertThat(stats.bytes()).isLessThanOrEqualTo(MB);
    assertThat(read("k0")).isNotNull();
    assertThat(read("k1")).isNull();
    assertThat(stats.evictedUnfetched()).isEqualTo(stats.evictions());
  }

  @Test
  void aPinnedValueKeepsItsBytesWhileItsItemIsReplacedDeletedFlushedAndEvicted() {
    engine = engine(MB, true);
    byte[] first = filled('a', 10_000);
    engine.store(StoreMode.SET, b("k"), 0, 0, first, 0);
    try (PinnedValue pinned = pin("k")) {
      engine.store(StoreMode.SET, b("k"), 0, 0, filled('b', 10_000), 0);
      engine.store(StoreMode.APPEND, b("k"), 0, 0, filled('c', 10), 0);
      assertThat(engine.delete(b("k"), 0)).isEqualTo(ChangeResult.CHANGED);
      engine.flushAll(clock.millis());
      for (int i = 0; i < 400; i++) { // 4 MB through the 1 MB cache
        assertThat(engine.store(StoreMode.SET, b("other" + i), 0, 0, filled((char) ('0' + i % 10), 10_000), 0))
            .isEqualTo(StoreResult.STORED);
      }
      assertThat(engine.stats().evictions()).isPositive();
      assertThat(engine.stats().bytes()).isLessThanOrEqualTo(MB);
      assertThat(bytesOf(pinned)).isEqualTo(first);
    }
  }

  static byte[] filled(char c, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) c);
    return bytes;
  }

  /** A pin of the value under {@code key}, which must be there. */
  PinnedValue pin(String key) {
    PinnedValue[] pinned = new PinnedValue[1];
    assertThat(engine.get(b(key), item -> pinned[0] = item.pin())).isEqualTo(Lookup.HIT);
    return pinned[0];
  }

  static byte[] bytesOf(PinnedValue pinned) {
    ByteBuffer bytes = pinned.bytes().duplicate();
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    return copy;
  }

  @Test
  void withEvictionsDisabledAFullCacheRefusesStores() {
    engine = engine(MB, false);
    byte[] value = new byte[10_000];
    List<StoreResult> results = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      results.add(engine.store(StoreMode.SET, b("k" + i), 0, 0, value, 0));
    }
    assertThat(results).contains(StoreResult.NO_MEMORY);
    assertThat(engine.stats().evictions()).isZero();
    assertThat(engine.stats().outOfMemory()).isPositive();
    assertThat(read("k0")).isNotNull();
  }

  @Test
  void expiredItemsAreReclaimedBeforeEvictionIsRefused() {
    engine = engine(MB, false);
    byte[] value = new byte[10_000];
    for (int i = 0; i < 90; i++) {
      engine.store(StoreMode.SET, b("old" + i), 0, Expiry.fromExptime(1, clock.millis()), value, 0);
    }
    clock.advanceSeconds(2);
    for (int i = 0; i < 90; i++) {
      assertThat(engine.store(StoreMode.SET, b("new" + i), 0, 0, value, 0)).isEqualTo(StoreResult.STORED);
    }
    assertThat(engine.stats().reclaimed()).isPositive();
  }

  @Test
  void anItemOverTheSizeLimitIsRefused() {
    byte[] big = new byte[1024 * 1024];
    assertThat(engine.store(StoreMode.SET, b("k"), 0, 0, big, 0)).isEqualTo(StoreResult.TOO_LARGE);
    byte[] fits = new byte[1024 * 1024 - 100];
    assertThat(engine.store(StoreMode.SET, b("k"), 0, 0, fits, 0)).isEqualTo(StoreResult.STORED);
  }

  @Test
  void loweringTheMemoryLimitEvictsDownToIt() {
    byte[] value = new byte[10_000];
    for (int i = 0; i < 300; i++) {
      engine.store(StoreMode.SET, b("k" + i), 0, 0, value, 0);
    }
    engine.setMemoryLimit(MB);
    assertThat(engine.stats().bytes()).isLessThanOrEqualTo(MB);
    assertThat(engine.stats().limitMaxbytes()).isEqualTo(MB);
  }

  @Test
  void statsCountEveryByteOfEveryItem() {
    set("key", "value");
    EngineStats stats = engine.stats();
    assertThat(stats.currItems()).isEqualTo(1);
    assertThat(stats.totalItems()).isEqualTo(1);
    assertThat(stats.bytes()).isEqualTo(itemCost(3, 5));
    engine.delete(b("key"));
    assertThat(engine.stats().bytes()).isZero();
  }

  @Test
  void theItemViewShowsAReadOnlyValue() {
    set("k", "v");
    engine.get(b("k"), item -> assertThat(item.value().isReadOnly()).isTrue());
    ByteBuffer[] kept = new ByteBuffer[1];
    engine.get(b("k"), item -> kept[0] = item.value());
    assertThat(kept[0].remaining()).isEqualTo(1);
  }

  /** What an editor was shown, copied out of the view. */
  record Edited(boolean created, String value, int flags, long cas, long expiresAt, boolean fetched,
      long lastAccessedAt, boolean stale, boolean winTokenSent, long footprint) {}

  /** {@link CacheEngine#edit} that records what the editor saw, or null when it was not called. */
  Edited edit(String key, boolean createIfMissing, boolean recordAccess, ItemEditor then) {
    Edited[] seen = new Edited[1];
    engine.edit(b(key), createIfMissing, recordAccess, (item, created) -> {
      seen[0] = new Edited(created, UTF_8.decode(item.value()).toString(), item.flags(), item.cas(),
          item.expiresAt(), item.fetched(), item.lastAccessedAt(), item.stale(), item.winTokenSent(),
          item.footprint());
      then.edit(item, created);
    });
    return seen[0];
  }

  Edited peek(String key) {
    return edit(key, false, false, ItemEditor.NONE);
  }

  @Test
  void editShowsTheItemAsItWasBeforeTheLookupAndThenRecordsTheAccess() {
    engine.store(StoreMode.SET, b("k"), 9, 0, b("v"), 0);
    long storedAt = clock.millis();
    clock.advanceSeconds(5);
    Edited first = edit("k", false, true, ItemEditor.NONE);
    assertThat(first.created()).isFalse();
    assertThat(first.value()).isEqualTo("v");
    assertThat(first.flags()).isEqualTo(9);
    assertThat(first.fetched()).isFalse();
    assertThat(first.lastAccessedAt()).isEqualTo(storedAt);
    assertThat(first.footprint()).isEqualTo(engine.stats().bytes());
    clock.advanceSeconds(2);
    Edited second = edit("k", false, true, ItemEditor.NONE);
    assertThat(second.fetched()).isTrue();
    assertThat(second.lastAccessedAt()).isEqualTo(storedAt + 5_000);
    assertThat(second.cas()).isEqualTo(first.cas());
    assertThat(edit("missing", false, true, ItemEditor.NONE)).isNull();
    assertThat(engine.edit(b("missing"), false, true, ItemEditor.NONE)).isEqualTo(Lookup.MISS);
  }

  @Test
  void editWithoutRecordingTheAccessLeavesNoTrace() {
    set("k", "v");
    clock.advanceSeconds(3);
    peek("k");
    Edited after = peek("k");
    assertThat(after.fetched()).isFalse();
    assertThat(clock.millis() - after.lastAccessedAt()).isEqualTo(3_000);
  }

  @Test
  void aPlainReadCountsAsAnAccessForEdit() {
    set("k", "v");
    clock.advanceSeconds(4);
    read("k");
    clock.advanceSeconds(1);
    Edited seen = peek("k");
    assertThat(seen.fetched()).isTrue();
    assertThat(clock.millis() - seen.lastAccessedAt()).isEqualTo(1_000);
  }

  @Test
  void editCreatesAnEmptyItemOnAMissWhenAsked() {
    Edited created = edit("k", true, true, ItemEditor.NONE);
    assertThat(created.created()).isTrue();
    assertThat(created.value()).isEmpty();
    assertThat(created.flags()).isZero();
    assertThat(created.expiresAt()).isZero();
    assertThat(created.fetched()).isFalse();
    assertThat(read("k")).isEmpty();
    Edited again = edit("k", true, true, ItemEditor.NONE);
    assertThat(again.created()).isFalse();
    assertThat(again.cas()).isEqualTo(created.cas());
    assertThat(engine.stats().currItems()).isEqualTo(1);
  }

  @Test
  void anEditorSetsTheExpiryAndTheWinTokenInPlace() {
    set("k", "v");
    Edited before = edit("k", false, true, (item, created) -> {
      item.expiresAt(clock.millis() + 2_000);
      assertThat(item.expiresAt()).isEqualTo(clock.millis() + 2_000);
      item.markWinTokenSent();
    });
    Edited after = peek("k");
    assertThat(before.winTokenSent()).isFalse();
    assertThat(after.winTokenSent()).isTrue();
    assertThat(after.cas()).isEqualTo(before.cas());
    clock.advanceSeconds(2);
    assertThat(engine.edit(b("k"), false, true, ItemEditor.NONE)).isEqualTo(Lookup.EXPIRED);
  }

  @Test
  void markStaleKeepsTheValueUnderANewCasAndClearsTheWinToken() {
    engine.store(StoreMode.SET, b("k"), 3, 0, b("v"), 0);
    edit("k", false, true, (item, created) -> item.markWinTokenSent());
    long cas = casOf("k");
    assertThat(engine.markStale(b("k"), cas + 1, CacheEngine.KEEP_EXPIRY)).isEqualTo(ChangeResult.EXISTS);
    assertThat(peek("k").stale()).isFalse();
    assertThat(engine.markStale(b("k"), cas, CacheEngine.KEEP_EXPIRY)).isEqualTo(ChangeResult.CHANGED);
    Edited stale = peek("k");
    assertThat(stale.stale()).isTrue();
    assertThat(stale.winTokenSent()).isFalse();
    assertThat(stale.fetched()).isTrue();
    assertThat(stale.value()).isEqualTo("v");
    assertThat(stale.flags()).isEqualTo(3);
    assertThat(stale.expiresAt()).isZero();
    assertThat(stale.cas()).isNotEqualTo(cas);
    assertThat(engine.markStale(b("k"), 0, clock.millis() + 1_000)).isEqualTo(ChangeResult.CHANGED);
    clock.advanceSeconds(1);
    assertThat(read("k")).isNull();
    assertThat(engine.markStale(b("k"), 0, CacheEngine.KEEP_EXPIRY)).isEqualTo(ChangeResult.NOT_FOUND);
  }

  @Test
  void aStoreReplacesTheLeaseState() {
    set("k", "v");
    engine.markStale(b("k"), 0, CacheEngine.KEEP_EXPIRY);
    set("k", "w");
    assertThat(peek("k").stale()).isFalse();
  }

  @Test
  void anInvalidatingCasStoreWithAnOlderUniqueStoresAStaleItemKeepingItsExpiry() {
    long expiresAt = clock.millis() + 60_000;
    engine.store(StoreMode.SET, b("k"), 0, expiresAt, b("v1"), 0);
    long old = casOf("k");
    engine.markStale(b("k"), 0, CacheEngine.KEEP_EXPIRY);
    edit("k", false, true, (item, created) -> item.markWinTokenSent());
    long current = casOf("k");
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("v2"), old, false, item -> {}))
        .isEqualTo(StoreResult.EXISTS);
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("v2"), current + 1, true, item -> {}))
        .isEqualTo(StoreResult.EXISTS);
    assertThat(engine.store(StoreMode.CAS, b("k"), 5, 0, b("v2"), old, true, item -> {}))
        .isEqualTo(StoreResult.STORED);
    Edited stale = peek("k");
    assertThat(stale.value()).isEqualTo("v2");
    assertThat(stale.flags()).isEqualTo(5);
    assertThat(stale.stale()).isTrue();
    assertThat(stale.winTokenSent()).isTrue();
    assertThat(stale.expiresAt()).isEqualTo(expiresAt);
    assertThat(engine.store(StoreMode.CAS, b("k"), 0, 0, b("v3"), stale.cas(), true, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(peek("k").stale()).isFalse();
  }

  @Test
  void aNonZeroCasGuardsAppendAndPrepend() {
    set("k", "v");
    long cas = casOf("k");
    assertThat(engine.store(StoreMode.APPEND, b("k"), 0, 0, b("x"), cas + 1, false, item -> {}))
        .isEqualTo(StoreResult.EXISTS);
    assertThat(engine.store(StoreMode.APPEND, b("k"), 0, 0, b("x"), cas, false, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(engine.store(StoreMode.PREPEND, b("k"), 0, 0, b("<"), 0, false, item -> {}))
        .isEqualTo(StoreResult.STORED);
    assertThat(read("k")).isEqualTo("<vx");
  }

  @Test
  void aStoreShowsTheStoredItem() {
    long[] cas = new long[1];
    engine.store(StoreMode.SET, b("k"), 0, 0, b("v"), 0, false, item -> cas[0] = item.cas());
    assertThat(cas[0]).isEqualTo(casOf("k")).isNotZero();
    cas[0] = 0;
    engine.store(StoreMode.ADD, b("k"), 0, 0, b("v"), 0, false, item -> cas[0] = item.cas());
    assertThat(cas[0]).isZero();
  }

  @Test
  void deleteWithACasUniqueRemovesOnlyThatVersion() {
    assertThat(engine.delete(b("k"), 0)).isEqualTo(ChangeResult.NOT_FOUND);
    set("k", "v");
    long cas = casOf("k");
    assertThat(engine.delete(b("k"), cas + 1)).isEqualTo(ChangeResult.EXISTS);
    assertThat(read("k")).isEqualTo("v");
    assertThat(engine.delete(b("k"), cas)).isEqualTo(ChangeResult.CHANGED);
    assertThat(read("k")).isNull();
  }

  @Test
  void applyDeltaChecksTheCasUniqueAndCreatesMissingNumbers() {
    set("n", "5");
    long cas = casOf("n");
    assertThat(engine.applyDelta(b("n"), true, 1, cas + 1, null, ItemEditor.NONE)).isEqualTo(Arithmetic.exists());
    assertThat(engine.applyDelta(b("n"), true, 1, cas, null, ItemEditor.NONE)).isEqualTo(Arithmetic.ok(6));
    set("s", "abc");
    assertThat(engine.applyDelta(b("s"), true, 1, 1, null, ItemEditor.NONE)).isEqualTo(Arithmetic.exists());
    set("e", "");
    assertThat(engine.applyDelta(b("e"), true, 1, 1, null, ItemEditor.NONE)).isEqualTo(Arithmetic.nonNumeric());

    InitialValue initial = new InitialValue(40, clock.millis() + 3_000);
    boolean[] created = new boolean[1];
    assertThat(engine.applyDelta(b("m"), true, 1, 0, initial, (item, isNew) -> created[0] = isNew))
        .isEqualTo(Arithmetic.created(40));
    assertThat(created[0]).isTrue();
    assertThat(read("m")).isEqualTo("40");
    assertThat(engine.applyDelta(b("m"), false, 1, 0, initial, (item, isNew) -> created[0] = isNew))
        .isEqualTo(Arithmetic.ok(39));
    assertThat(created[0]).isFalse();
    clock.advanceSeconds(3);
    assertThat(read("m")).isNull();
  }

  @Test
  void applyDeltaShowsTheNewItemToTheEditorAndKeepsItsLeaseState() {
    set("n", "1");
    engine.markStale(b("n"), 0, CacheEngine.KEEP_EXPIRY);
    String[] value = new String[1];
    engine.applyDelta(b("n"), true, 1, 0, null, (item, created) -> {
      value[0] = UTF_8.decode(item.value()).toString();
      item.expiresAt(clock.millis() + 1_000);
    });
    assertThat(value[0]).isEqualTo("2");
    assertThat(peek("n").stale()).isTrue();
    clock.advanceSeconds(1);
    assertThat(read("n")).isNull();
  }

  @Test
  void concurrentIncrementsAndCasLoopsLoseNoUpdate() throws Exception {
    set("counter", "0");
    set("cas", "0");
    int threads = 4;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            engine.incrementOrDecrement(b("counter"), true, 1);
            casIncrement("cas");
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(read("counter").trim()).isEqualTo(String.valueOf(threads * perThread));
    assertThat(read("cas").trim()).isEqualTo(String.valueOf(threads * perThread));
  }

  private void casIncrement(String key) {
    while (true) {
      long[] cas = new long[1];
      String[] value = new String[1];
      engine.get(b(key), item -> {
        cas[0] = item.cas();
        value[0] = UTF_8.decode(item.value()).toString();
      });
      String next = String.valueOf(Long.parseLong(value[0].trim()) + 1);
      if (engine.store(StoreMode.CAS, b(key), 0, 0, b(next), cas[0]) == StoreResult.STORED) {
        return;
      }
    }
  }
}
