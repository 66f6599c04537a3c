package dev.larder.storage;

/**
 * The engine's counters, named after memcached's stats.
 *
 * @param currItems live items now
 * @param totalItems items ever stored
 * @param bytes bytes counted against the memory limit now (every byte of every item)
 * @param limitMaxbytes the memory limit
 * @param evictions live items removed to make room
 * @param expiredUnfetched expired items reclaimed that were never read
 * @param evictedUnfetched evicted items that were never read
 * @param reclaimed times the memory of an expired or flushed item was reclaimed
 * @param outOfMemory stores refused because the cache was full and evictions are disabled
 * @param oldestItemAgeSeconds seconds since the least recently used item was last used, 0 when empty
 */
public record EngineStats(
    long currItems,
    long totalItems,
    long bytes,
    long limitMaxbytes,
    long evictions,
    long expiredUnfetched,
    long evictedUnfetched,
    long reclaimed,
    long outOfMemory,
    long oldestItemAgeSeconds) {}
