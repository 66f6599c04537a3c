/**
 * The {@code larder} command line: {@code larder serve} runs the server with memcached's flags,
 * {@code larder bench} loads any memcached-protocol server (larder-bench), {@code larder locate}
 * shows where the client routes keys; get/set/stats arrive with the client.
 */
package dev.larder.cli;
