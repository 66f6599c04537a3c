package dev.larder.storage;

/** The engine's source of wall-clock time; tests substitute a clock they move by hand. */
@FunctionalInterface
public interface CacheClock {
  CacheClock SYSTEM = System::currentTimeMillis;

  /** Milliseconds since the Unix epoch. */
  long millis();
}
