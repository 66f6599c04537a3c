/**
 * The tutorial's scenarios as small programs, each run as {@code main(host:port ...)} against running
 * servers (default {@code 127.0.0.1:11211}); {@code ExamplesIT} runs every one against in-process
 * servers so that they keep working. {@code docs/client-tutorial.md} walks through them.
 */
package dev.larder.client.examples;
