/**
 * The {@code larder} command line: {@code larder serve} runs the server with memcached's flags; more
 * subcommands (locate, get/set, bench) arrive with the client and bench modules.
 */
package dev.larder.cli;
