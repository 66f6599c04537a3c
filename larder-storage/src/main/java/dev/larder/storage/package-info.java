/**
 * The cache engine: items are keys and values as bytes with 32-bit flags, an expiry time and a 64-bit
 * CAS unique. The engine bounds its memory, expires items on time and evicts when full. It knows
 * nothing of networks or protocols; each protocol executor maps its requests onto {@link
 * dev.larder.storage.CacheEngine}.
 */
package dev.larder.storage;
