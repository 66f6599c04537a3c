/**
 * Integration tests of the server against real peers: memcached 1.6.18 as the reference for every
 * text-protocol reply ({@link dev.larder.server.it.TextProtocolDifferentialIT}), libmemcached's
 * {@code memccapable} and pymemcache as clients. Run by failsafe in {@code verify}; each peer must be
 * installed (Debian {@code memcached}, {@code libmemcached-tools}, {@code python3-pymemcache}) and a
 * missing one fails the build rather than skipping.
 *
 * <p>The support classes ({@link dev.larder.server.it.TextConnection},
 * {@link dev.larder.server.it.MemcachedProcess}, {@link dev.larder.server.it.ExternalCommand}) are
 * shared with larder-cli's integration tests through this module's test-jar.
 */
package dev.larder.server.it;
