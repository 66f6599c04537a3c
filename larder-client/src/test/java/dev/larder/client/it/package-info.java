/**
 * The client's integration suite: every command against both a real memcached 1.6 and an in-process
 * Larder server, including servers that die, stop answering or come back.
 */
package dev.larder.client.it;
