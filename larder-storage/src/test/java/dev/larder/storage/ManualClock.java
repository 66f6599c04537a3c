package dev.larder.storage;

/** A clock that moves only when a test says so. */
final class ManualClock implements CacheClock {
  private long millis = 1_700_000_000_000L;

  @Override
  public long millis() {
    return millis;
  }

  void advanceSeconds(long seconds) {
    millis += seconds * 1000;
  }
}
