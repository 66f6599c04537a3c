package dev.larder.client.helpers;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a future failed with, under the wrappers that {@link java.util.concurrent.CompletableFuture} adds. */
final class Failures {
  private Failures() {}

  /** {@code failure} without its {@link CompletionException} or {@link ExecutionException} wrapper. */
  static Throwable cause(Throwable failure) {
    boolean wrapper = failure instanceof CompletionException || failure instanceof ExecutionException;
    return wrapper && failure.getCause() != null ? failure.getCause() : failure;
  }
}
