/**
 * Turning Java values into the bytes and 32-bit flags memcached stores, and back, with flags that
 * pymemcache's serde understands so Java and Python services can share values.
 */
package dev.larder.client.transcoder;
