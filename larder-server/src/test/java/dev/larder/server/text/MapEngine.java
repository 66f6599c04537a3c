package dev.larder.server.text;

import dev.larder.storage.Arithmetic;
import dev.larder.storage.CacheEngine;
import dev.larder.storage.ChangeResult;
import dev.larder.storage.EngineStats;
import dev.larder.storage.Expiry;
import dev.larder.storage.InitialValue;
import dev.larder.storage.ItemEditor;
import dev.larder.storage.ItemView;
import dev.larder.storage.ItemVisitor;
import dev.larder.storage.Lookup;
import dev.larder.storage.StoreMode;
import dev.larder.storage.StoreResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough engine for text executor tests: a map, no memory limit, expiry checked on read. The
 * meta protocol's operations (edit, markStale, CAS-guarded and creating arithmetic) are left out:
 * meta tests run on {@link dev.larder.storage.ReferenceEngine}.
 */
final class MapEngine implements CacheEngine {
  static final int MAX_VALUE = 1000;

  private record Item(int flags, long expiresAt, byte[] bytes, long cas) implements ItemView {
    @Override
    public ByteBuffer value() {
      return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
  }

  private final Map<String, Item> items = new HashMap<>();
  private final long[] now;
  private long nextCas = 1;
  long memoryLimit = 64L << 20;
  long flushAt = -1;

  MapEngine(long[] now) {
    this.now = now;
  }

  private static String name(byte[] key) {
    return new String(key, StandardCharsets.ISO_8859_1);
  }

  private Item live(byte[] key) {
    Item item = items.get(name(key));
    if (item != null && Expiry.isExpired(item.expiresAt(), now[0])) {
      items.remove(name(key));
      return null;
    }
    return item;
  }

  @Override
  public Lookup get(byte[] key, ItemVisitor visitor) {
    Item item = items.get(name(key));
    if (item == null) {
      return Lookup.MISS;
    }
    if (live(key) == null) {
      return Lookup.EXPIRED;
    }
    visitor.visit(item);
    return Lookup.HIT;
  }

  @Override
  public Lookup getAndTouch(byte[] key, long expiresAt, ItemVisitor visitor) {
    Item item = live(key);
    if (item != null) {
      items.put(name(key), new Item(item.flags(), expiresAt, item.bytes(), item.cas()));
    }
    return get(key, visitor);
  }

  @Override
  public Lookup edit(byte[] key, boolean createIfMissing, boolean recordAccess, ItemEditor editor) {
    throw new UnsupportedOperationException("meta protocol operation");
  }

  @Override
  public ChangeResult markStale(byte[] key, long expectedCas, long expiresAt) {
    throw new UnsupportedOperationException("meta protocol operation");
  }

  @Override
  public StoreResult store(StoreMode mode, byte[] key, int flags, long expiresAt, byte[] value, long expectedCas,
      boolean invalidate, ItemVisitor stored) {
    if (invalidate) {
      throw new UnsupportedOperationException("meta protocol operation");
    }
    if (value.length > MAX_VALUE) {
      return StoreResult.TOO_LARGE;
    }
    Item old = live(key);
    switch (mode) {
      case ADD -> {
        if (old != null) {
          return StoreResult.NOT_STORED;
        }
      }
      case REPLACE, APPEND, PREPEND -> {
        if (old == null) {
          return StoreResult.NOT_STORED;
        }
      }
      case CAS -> {
        if (old == null) {
          return StoreResult.NOT_FOUND;
        }
        if (old.cas() != expectedCas) {
          return StoreResult.EXISTS;
        }
      }
      case SET -> {
        // unconditional
      }
    }
    Item item = new Item(flags, expiresAt, value, nextCas++);
    items.put(name(key), item);
    stored.visit(item);
    return StoreResult.STORED;
  }

  @Override
  public ChangeResult delete(byte[] key, long expectedCas) {
    return live(key) != null && items.remove(name(key)) != null ? ChangeResult.CHANGED : ChangeResult.NOT_FOUND;
  }

  @Override
  public Arithmetic applyDelta(byte[] key, boolean increment, long delta, long expectedCas, InitialValue onMiss,
      ItemEditor editor) {
    if (expectedCas != 0 || onMiss != null) {
      throw new UnsupportedOperationException("meta protocol operation");
    }
    Item item = live(key);
    if (item == null) {
      return Arithmetic.notFound();
    }
    long value;
    try {
      value = Long.parseUnsignedLong(new String(item.bytes(), StandardCharsets.US_ASCII).trim());
    } catch (NumberFormatException e) {
      return Arithmetic.nonNumeric();
    }
    long result = increment ? value + delta : (Long.compareUnsigned(delta, value) > 0 ? 0 : value - delta);
    byte[] digits = Long.toUnsignedString(result).getBytes(StandardCharsets.US_ASCII);
    items.put(name(key), new Item(item.flags(), item.expiresAt(), digits, nextCas++));
    return Arithmetic.ok(result);
  }

  @Override
  public boolean touch(byte[] key, long expiresAt) {
    Item item = live(key);
    if (item == null) {
      return false;
    }
    items.put(name(key), new Item(item.flags(), expiresAt, item.bytes(), item.cas()));
    return true;
  }

  @Override
  public void flushAll(long atMillis) {
    flushAt = atMillis;
    items.clear();
  }

  @Override
  public void setMemoryLimit(long bytes) {
    memoryLimit = bytes;
  }

  @Override
  public EngineStats stats() {
    return new EngineStats(items.size(), 0, 0, memoryLimit, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public void close() {}
}
