/**
 * memcached's binary protocol: {@link dev.larder.protocol.binary.BinaryRequestDecoder} turns a
 * connection's bytes into {@link dev.larder.protocol.binary.BinaryRequest}s, checking every length
 * in the 24-byte header before it reads or keeps anything; {@link
 * dev.larder.protocol.binary.BinaryReplies} writes response packets. Opcodes and statuses are in
 * {@link dev.larder.protocol.binary.BinaryOpcodes} and {@link dev.larder.protocol.binary.BinaryStatus}.
 */
package dev.larder.protocol.binary;
