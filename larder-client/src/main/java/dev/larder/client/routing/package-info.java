/**
 * Which server owns a key: small pure {@link dev.larder.client.routing.NodeLocator}s, tested with
 * placements produced by libmemcached (pylibmc) and pymemcache rather than by our own code.
 */
package dev.larder.client.routing;
