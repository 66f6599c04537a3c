/**
 * The Larder Java client for any memcached server: asynchronous first, with a blocking facade;
 * pipelined connections; keys spread over many servers exactly as libmemcached (ketama) and
 * pymemcache (rendezvous) spread them.
 */
package dev.larder.client;
