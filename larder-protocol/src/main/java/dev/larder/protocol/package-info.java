/**
 * Pure memcached codecs: bytes in, request objects out, and reply bytes written into Netty buffers.
 * Nothing here touches a socket, a thread or the cache engine, so every codec is tested with byte
 * vectors alone.
 */
package dev.larder.protocol;
