/**
 * Integration tests of {@code larder serve} run from the shaded jar as a separate process, as users
 * run it: flags, logging, signals, connection limits and memory bounds.
 */
package dev.larder.cli.it;
