/**
 * The meta protocol's executor: {@link dev.larder.server.meta.MetaCommandExecutor} carries out {@code
 * mg ms md ma mn me} on the engine, including leases (win, stale and already-won marks), and writes
 * memcached 1.6.18's replies. The text executor hands it the meta requests of its connection.
 */
package dev.larder.server.meta;
