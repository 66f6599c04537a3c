/**
 * memcached's text protocol. Server side, {@link dev.larder.protocol.text.TextRequestDecoder} turns
 * the bytes of one connection into {@link dev.larder.protocol.text.TextRequest}s exactly as memcached
 * 1.6.18 parses them (tokenizer, number parsing, limits, error replies), and {@link
 * dev.larder.protocol.text.TextReplies} writes the reply bytes. Client side, {@link
 * dev.larder.protocol.text.TextCommandWriter} writes commands and {@link
 * dev.larder.protocol.text.TextResponseDecoder} turns reply bytes into {@link
 * dev.larder.protocol.text.TextResponse}s.
 */
package dev.larder.protocol.text;
