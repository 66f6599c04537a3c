/**
 * W5 (BENCHMARKS.md): the Larder client against spymemcached, xmemcached and folsom on one memcached
 * server. Each library sits behind {@link dev.larder.bench.clients.BenchClient}, blocking gets and sets
 * of raw bytes; {@link dev.larder.bench.clients.ClientBenchmark} drives N caller threads and reports
 * throughput and HdrHistogram latencies per client.
 *
 * <p>The peer libraries are optional dependencies of {@code larder-bench}: they are on its own
 * classpath ({@code bench/compare-w5.sh} builds it) and never in the {@code larder} launcher's jar,
 * which leaves this package out.
 */
package dev.larder.bench.clients;
