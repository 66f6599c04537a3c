package dev.larder.bench;

/** A run that could not finish: a server unreachable or gone, or replies out of step. */
public final class BenchException extends RuntimeException {
  BenchException(String message) {
    super(message);
  }

  BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
