/**
 * The eviction simulator ({@code larder simulate}): replays request streams as a cache-aside client
 * would (get; on a miss, set) through {@link dev.larder.storage.SegmentEngine} and, at the same memory
 * limit, through {@link dev.larder.storage.ReferenceEngine}, whose eviction is strict LRU, and
 * reports both miss ratios beside the compulsory one (first requests of a key, which no policy can
 * avoid). Streams are Zipf-distributed keys, Zipf with one-pass scans mixed in, and real cache
 * traces. In-process and deterministic: the same stream and limit always give the same ratios.
 */
package dev.larder.bench.simulator;
