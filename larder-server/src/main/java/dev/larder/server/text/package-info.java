/**
 * The text protocol's executor: maps {@link dev.larder.protocol.text.TextRequest}s onto the {@link
 * dev.larder.storage.CacheEngine}, writes memcached 1.6.18's replies and keeps the server's counters
 * as memcached keeps them. The transport decodes with {@link
 * dev.larder.protocol.text.TextRequestDecoder} and calls {@link
 * dev.larder.server.text.TextCommandExecutor#execute} for each request.
 */
package dev.larder.server.text;
