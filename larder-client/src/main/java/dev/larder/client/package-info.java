/**
 * The Larder Java client for any memcached server: asynchronous first ({@link
 * dev.larder.client.LarderClient}, built with {@link dev.larder.client.LarderClientBuilder}), with a
 * blocking facade ({@link dev.larder.client.BlockingLarderClient}) that only awaits it; a few
 * pipelined connections per server, written in batches, with bounded outstanding requests; keys spread
 * over many servers by a {@link dev.larder.client.routing.NodeLocator}, around servers marked dead
 * (a {@link dev.larder.client.FailureMode}); failures as typed {@link
 * dev.larder.client.CacheException}s; lost connections retried with capped, jittered exponential
 * backoff.
 */
package dev.larder.client;
