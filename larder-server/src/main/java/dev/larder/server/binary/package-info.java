/**
 * The binary protocol's executor: {@link dev.larder.server.binary.BinaryCommandExecutor} carries out
 * the requests of {@link dev.larder.protocol.binary.BinaryRequestDecoder} on the engine and writes
 * memcached 1.6.18's response packets.
 */
package dev.larder.server.binary;
