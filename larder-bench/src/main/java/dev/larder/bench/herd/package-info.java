/**
 * The thundering-herd demonstration: {@link dev.larder.bench.herd.HerdDemo} starts several worker
 * processes ({@link dev.larder.bench.herd.HerdWorker}), each with many threads, that read one cold key
 * and then one just-invalidated key while the loader takes a while, and reports how many times the
 * loader ran across all processes and how long the reads waited: plain cache-aside (every caller that
 * misses loads) against {@link dev.larder.client.helpers.CacheAside}'s leases. See docs/leases.md.
 */
package dev.larder.bench.herd;
