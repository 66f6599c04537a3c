package dev.larder.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Model-based test: long random sequences of every operation over a few keys, with a clock moved by
 * hand, run against {@link SegmentEngine} and {@link ReferenceEngine} side by side. The limit is large
 * enough that nothing is evicted, so every result, value, flag, expiry and counter must agree, and CAS
 * uniques must have the same equality structure (the numbers themselves differ).
 */
class SegmentEngineModelTest {
  private static final int KEYS = 6;
  private static final int STEPS = 3_000;
  private static final String[] VALUES = {
      "", "v", "abc", "0", "1", "9", "42", "99 ", " 7", "+5", "-3", "100",
      "18446744073709551615", "18446744073709551614", "12ab", "hello world"};

  @Property(tries = 60)
  void behavesLikeTheReferenceEngine(@ForAll long seed) {
    new Run(seed).check();
  }

  /** One random sequence; fields hold what the two engines have shown so far. */
  private static final class Run {
    final Random random;
    final ManualClock clock = new ManualClock();
    /** Small, so that appends reach the item size limit. */
    final EngineConfig config = new EngineConfig(64L << 20, 120, true, clock);
    final CacheEngine reference = new ReferenceEngine(config);
    final CacheEngine segment = new SegmentEngine(config);
    final Map<String, Long> referenceCas = new HashMap<>();
    final Map<String, Long> segmentCas = new HashMap<>();
    final Map<String, Long> olderReferenceCas = new HashMap<>();
    final Map<String, Long> olderSegmentCas = new HashMap<>();
    /** A bijection between the engines' CAS uniques, built as they are seen. */
    final Map<Long, Long> casToSegment = new HashMap<>();
    final Map<Long, Long> casToReference = new HashMap<>();
    final long seed;
    int step;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
    }

    void check() {
      try {
        for (step = 0; step < STEPS; step++) {
          oneStep();
          assertSameStats();
        }
        for (int k = 0; k < KEYS; k++) {
          assertSameRead("k" + k, false, 0);
        }
      } finally {
        reference.close();
        segment.close();
      }
    }

    private void oneStep() {
      String key = "k" + random.nextInt(KEYS);
      byte[] k = key.getBytes(US_ASCII);
      int op = random.nextInt(22);
      drawCas();
      switch (op) {
        case 0, 1, 2 -> assertSameRead(key, false, 0);
        case 3 -> assertSameRead(key, true, expiry());
        case 4, 5, 6, 7, 8, 9 -> {
          StoreMode mode = StoreMode.values()[random.nextInt(StoreMode.values().length)];
          int flags = random.nextBoolean() ? 0 : random.nextInt();
          long expiresAt = expiry();
          byte[] value = VALUES[random.nextInt(VALUES.length)].getBytes(US_ASCII);
          boolean invalidate = random.nextInt(4) == 0;
          StoreResult actual = random.nextBoolean()
              ? storeFromRanges(mode, k, flags, expiresAt, value, segmentCas(key), invalidate)
              : segment.store(mode, k, flags, expiresAt, value, segmentCas(key), invalidate, item -> {});
          assertThat(actual).as(where("%s %s", mode, key))
              .isEqualTo(reference.store(mode, k, flags, expiresAt, value, referenceCas(key), invalidate, item -> {}));
        }
        case 10 -> {
          boolean increment = random.nextBoolean();
          long delta = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(200);
          assertThat(segment.incrementOrDecrement(k, increment, delta))
              .as(where("incr/decr %s", key))
              .isEqualTo(reference.incrementOrDecrement(k, increment, delta));
        }
        case 11 -> assertThat(segment.delete(k)).as(where("delete %s", key)).isEqualTo(reference.delete(k));
        case 12 -> {
          long expiresAt = expiry();
          assertThat(segment.touch(k, expiresAt)).as(where("touch %s", key))
              .isEqualTo(reference.touch(k, expiresAt));
        }
        case 13 -> {
          if (random.nextInt(8) == 0) {
            long at = random.nextBoolean() ? 0 : clock.millis() + 1000L * random.nextInt(4);
            reference.flushAll(at);
            segment.flushAll(at);
          }
        }
        case 14 -> assertSameMultiRead(random.nextBoolean());
        case 15 -> assertSameMultiEdit();
        case 16 -> assertSameEdit(key);
        case 17 -> {
          long expiresAt = random.nextBoolean() ? CacheEngine.KEEP_EXPIRY : expiry();
          assertThat(segment.markStale(k, segmentCas(key), expiresAt)).as(where("mark stale %s", key))
              .isEqualTo(reference.markStale(k, referenceCas(key), expiresAt));
        }
        case 18 -> assertThat(segment.delete(k, segmentCas(key))).as(where("delete with cas %s", key))
            .isEqualTo(reference.delete(k, referenceCas(key)));
        case 19 -> {
          boolean increment = random.nextBoolean();
          long delta = random.nextInt(200);
          InitialValue onMiss = random.nextBoolean() ? null : new InitialValue(random.nextInt(1000), expiry());
          Seen fromReference = new Seen();
          Seen fromSegment = new Seen();
          assertThat(segment.applyDelta(k, increment, delta, segmentCas(key), onMiss, fromSegment))
              .as(where("apply delta %s", key))
              .isEqualTo(reference.applyDelta(k, increment, delta, referenceCas(key), onMiss, fromReference));
          assertSameSeen(key, fromReference, fromSegment);
        }
        default -> clock.advanceSeconds(random.nextInt(3));
      }
    }

    /**
     * Which CAS unique the next operation passes: none, an older one (wrong, but older in both
     * engines, as invalidating stores need) or the last one seen.
     */
    private int casDraw;

    private void drawCas() {
      casDraw = random.nextInt(4);
    }

    /** The reference engine's CAS unique for {@code key} as {@link #drawCas} chose. */
    private long referenceCas(String key) {
      return casChoice(key, referenceCas, olderReferenceCas);
    }

    /** The segment engine's counterpart of {@link #referenceCas}. */
    private long segmentCas(String key) {
      return casChoice(key, segmentCas, olderSegmentCas);
    }

    private long casChoice(String key, Map<String, Long> seen, Map<String, Long> older) {
      return switch (casDraw) {
        case 0 -> 0;
        case 1 -> older.getOrDefault(key, 0L);
        default -> seen.getOrDefault(key, 0L);
      };
    }

    /** Edits {@code key} the same random way in both engines and compares what the editors saw. */
    private void assertSameEdit(String key) {
      byte[] k = key.getBytes(US_ASCII);
      boolean create = random.nextBoolean();
      boolean recordAccess = random.nextBoolean();
      boolean markWin = random.nextBoolean();
      long expiresAt = random.nextBoolean() ? -1 : expiry();
      Seen fromReference = new Seen(markWin, expiresAt);
      Seen fromSegment = new Seen(markWin, expiresAt);
      assertThat(segment.edit(k, create, recordAccess, fromSegment)).as(where("edit %s", key))
          .isEqualTo(reference.edit(k, create, recordAccess, fromReference));
      assertSameSeen(key, fromReference, fromSegment);
    }

    private void assertSameSeen(String key, Seen fromReference, Seen fromSegment) {
      assertThat(fromSegment).as(where("edited %s", key)).usingRecursiveComparison().ignoringFields("cas")
          .isEqualTo(fromReference);
      if (fromReference.value != null) {
        noteCas(key, fromReference.cas, fromSegment.cas);
      }
    }

    /** Whole seconds, as memcached's exptimes are: never, already passed, relative or absolute. */
    private long expiry() {
      int kind = random.nextInt(6);
      long exptime = switch (kind) {
        case 0, 1 -> 0;
        case 2 -> -1;
        case 3 -> clock.millis() / 1000 + random.nextInt(6);
        default -> 1 + random.nextInt(5);
      };
      return Expiry.fromExptime(exptime, clock.millis());
    }

    private void assertSameRead(String key, boolean touch, long expiresAt) {
      byte[] k = key.getBytes(US_ASCII);
      Seen fromReference = new Seen();
      Seen fromSegment = new Seen();
      Lookup expected = touch ? reference.getAndTouch(k, expiresAt, fromReference) : reference.get(k, fromReference);
      Lookup actual = touch ? segment.getAndTouch(k, expiresAt, fromSegment) : segment.get(k, fromSegment);
      assertThat(actual).as(where("get %s", key)).isEqualTo(expected);
      assertThat(fromSegment.value).as(where("value of %s", key)).isEqualTo(fromReference.value);
      assertThat(fromSegment.flags).as(where("flags of %s", key)).isEqualTo(fromReference.flags);
      assertThat(fromSegment.expiresAt).as(where("expiry of %s", key)).isEqualTo(fromReference.expiresAt);
      if (expected.hit()) {
        noteCas(key, fromReference.cas, fromSegment.cas);
      }
    }

    /**
     * The segment engine's store of a key inside a larger array and a value inside a larger buffer in
     * direct memory, as a decoder hands over a long value.
     */
    private StoreResult storeFromRanges(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long cas,
        boolean invalidate) {
      byte[] line = ("set " + new String(key, US_ASCII) + " 0 0 9").getBytes(US_ASCII);
      ByteBuffer data = ByteBuffer.allocateDirect(value.length + 2).put((byte) '<').put(value).put((byte) '>');
      return segment.store(mode, line, 4, key.length, flags, expiresAt, data.position(1).limit(1 + value.length), cas,
          invalidate, item -> {});
    }

    /** A multi-key lookup of up to 8 keys, some repeated, compared key by key as single reads are. */
    private void assertSameMultiRead(boolean touch) {
      long expiresAt = touch ? expiry() : 0;
      List<byte[]> keys = new ArrayList<>();
      for (int i = random.nextInt(9); i > 0; i--) {
        keys.add(("k" + random.nextInt(KEYS)).getBytes(US_ASCII));
      }
      SeenByKey fromReference = new SeenByKey();
      SeenByKey fromSegment = new SeenByKey();
      reference.getAll(new PackedKeys(keys), touch, expiresAt, fromReference);
      segment.getAll(new PackedKeys(keys), touch, expiresAt, fromSegment);
      assertThat(fromSegment.lookups).as(where("get of %d keys", keys.size())).isEqualTo(fromReference.lookups);
      assertThat(fromSegment.items).as(where("items of %d keys", keys.size())).usingRecursiveComparison()
          .ignoringFields("cas").isEqualTo(fromReference.items);
      for (int i = 0; i < keys.size(); i++) {
        Seen seen = fromReference.items.get(i);
        if (seen.value != null) {
          noteCas(new String(keys.get(i), US_ASCII), seen.cas, fromSegment.items.get(i).cas);
        }
      }
    }

    /** A multi-key edit of up to 8 keys, some repeated, each edited its own random way, compared as edits are. */
    private void assertSameMultiEdit() {
      List<byte[]> keys = new ArrayList<>();
      for (int i = random.nextInt(9); i > 0; i--) {
        keys.add(("k" + random.nextInt(KEYS)).getBytes(US_ASCII));
      }
      EditsByKey fromReference = new EditsByKey(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        fromReference.set(i, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
            random.nextBoolean() ? -1 : expiry());
      }
      EditsByKey fromSegment = fromReference.sameEdits();
      reference.editAll(new PackedKeys(keys), fromReference);
      segment.editAll(new PackedKeys(keys), fromSegment);
      assertThat(fromSegment.seen.lookups).as(where("edit of %d keys", keys.size()))
          .isEqualTo(fromReference.seen.lookups);
      for (int i = 0; i < keys.size(); i++) {
        String key = new String(keys.get(i), US_ASCII);
        Seen seen = fromReference.seen.items.get(i);
        assertThat(fromSegment.seen.items.get(i)).as(where("edited %s", key)).usingRecursiveComparison()
            .ignoringFields("cas").isEqualTo(seen);
        if (seen.value != null) {
          noteCas(key, seen.cas, fromSegment.seen.items.get(i).cas);
        }
      }
    }

    /** Records the uniques both engines showed for {@code key}, which must pair up one to one. */
    private void noteCas(String key, long fromReference, long fromSegment) {
      Long previous = referenceCas.put(key, fromReference);
      if (previous != null && previous != fromReference) {
        olderReferenceCas.put(key, previous);
        olderSegmentCas.put(key, segmentCas.get(key));
      }
      segmentCas.put(key, fromSegment);
      Long known = casToSegment.putIfAbsent(fromReference, fromSegment);
      Long knownBack = casToReference.putIfAbsent(fromSegment, fromReference);
      assertThat(known == null ? fromSegment : known).as(where("cas of %s", key)).isEqualTo(fromSegment);
      assertThat(knownBack == null ? fromReference : knownBack).as(where("cas of %s", key))
          .isEqualTo(fromReference);
    }

    private void assertSameStats() {
      EngineStats expected = reference.stats();
      EngineStats actual = segment.stats();
      assertThat(actual.currItems()).as(where("curr_items")).isEqualTo(expected.currItems());
      assertThat(actual.totalItems()).as(where("total_items")).isEqualTo(expected.totalItems());
      assertThat(actual.reclaimed()).as(where("reclaimed")).isEqualTo(expected.reclaimed());
      assertThat(actual.expiredUnfetched()).as(where("expired_unfetched")).isEqualTo(expected.expiredUnfetched());
      assertThat(actual.evictions()).as(where("evictions")).isZero();
    }

    private String where(String what, Object... args) {
      return "seed " + seed + " step " + step + ": " + String.format(what, args);
    }
  }

  /**
   * What a visitor or editor was shown; as an editor it may then mark the win token and set the
   * expiry (unless that is -1).
   */
  private static final class Seen implements ItemVisitor, ItemEditor {
    private final boolean markWin;
    private final long newExpiresAt;
    String value;
    int flags;
    long cas;
    long expiresAt;
    boolean created;
    boolean fetched;
    long lastAccessedAt;
    boolean stale;
    boolean winTokenSent;

    Seen() {
      this(false, -1);
    }

    Seen(boolean markWin, long newExpiresAt) {
      this.markWin = markWin;
      this.newExpiresAt = newExpiresAt;
    }

    @Override
    public void visit(ItemView item) {
      value = US_ASCII.decode(item.value()).toString();
      flags = item.flags();
      cas = item.cas();
      expiresAt = item.expiresAt();
    }

    @Override
    public void edit(EditableItem item, boolean isNew) {
      visit(item);
      created = isNew;
      fetched = item.fetched();
      lastAccessedAt = item.lastAccessedAt();
      stale = item.stale();
      winTokenSent = item.winTokenSent();
      if (markWin) {
        item.markWinTokenSent();
      }
      if (newExpiresAt != -1) {
        item.expiresAt(newExpiresAt);
      }
    }
  }
  /** Each key's edit of a multi-key edit as {@link Seen} makes one, and what each key's edit saw. */
  private static final class EditsByKey implements MultiItemEditor {
    private final boolean[] create;
    private final boolean[] recordAccess;
    private final Seen[] editors;
    final SeenByKey seen = new SeenByKey();

    EditsByKey(int size) {
      create = new boolean[size];
      recordAccess = new boolean[size];
      editors = new Seen[size];
    }

    void set(int index, boolean createIfMissing, boolean access, boolean markWin, long newExpiresAt) {
      create[index] = createIfMissing;
      recordAccess[index] = access;
      editors[index] = new Seen(markWin, newExpiresAt);
    }

    /** Fresh editors that edit as these do. */
    EditsByKey sameEdits() {
      EditsByKey same = new EditsByKey(create.length);
      for (int i = 0; i < create.length; i++) {
        same.set(i, create[i], recordAccess[i], editors[i].markWin, editors[i].newExpiresAt);
      }
      return same;
    }

    @Override
    public boolean createIfMissing(int index) {
      return create[index];
    }

    @Override
    public boolean recordAccess(int index) {
      return recordAccess[index];
    }

    @Override
    public void edit(int index, EditableItem item, boolean created) {
      editors[index].edit(item, created);
      seen.record(index, Lookup.HIT, editors[index]);
    }

    @Override
    public void missed(int index, Lookup how) {
      seen.missed(index, how);
    }
  }

  /** What a multi-key lookup told its visitor: how each key's lookup ended, and each hit's item. */
  private static final class SeenByKey implements MultiLookupVisitor {
    final List<Lookup> lookups = new ArrayList<>();
    final List<Seen> items = new ArrayList<>();

    @Override
    public void hit(int index, ItemView item) {
      Seen seen = new Seen();
      seen.visit(item);
      record(index, Lookup.HIT, seen);
    }

    @Override
    public void missed(int index, Lookup how) {
      record(index, how, new Seen());
    }

    private void record(int index, Lookup how, Seen seen) {
      assertThat(index).as("keys in order").isEqualTo(lookups.size());
      lookups.add(how);
      items.add(seen);
    }
  }
}
