/**
 * memcached's meta protocol ({@code mg ms md ma mn me}), which shares the text protocol's connections
 * and line format. {@link dev.larder.protocol.text.TextRequestDecoder} parses meta lines into {@link
 * dev.larder.protocol.text.MetaRequest}s (wrapped in {@link dev.larder.protocol.text.TextRequest.Meta}),
 * with their flags in {@link dev.larder.protocol.text.MetaFlags}; {@link
 * dev.larder.protocol.meta.MetaReplies} writes the reply codes and flags as memcached 1.6.18 does, and
 * {@link dev.larder.protocol.meta.MetaBase64} reads and writes keys sent in base64.
 */
package dev.larder.protocol.meta;
