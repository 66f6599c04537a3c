/**
 * {@code larder bench}: a load generator for any memcached-protocol server, in the spirit of
 * memtier_benchmark. {@link dev.larder.bench.Bench#run} drives pipelined connections on Netty event
 * loops, open-loop at a fixed rate or closed-loop as fast as the server answers, and returns a
 * {@link dev.larder.bench.BenchReport} with HdrHistogram latencies per operation type.
 *
 * <p>The pure pieces (key samplers, value sizes, the get:set mix, the reply decoder, the pacing of
 * requests) know nothing of sockets and are tested alone.
 */
package dev.larder.bench;
