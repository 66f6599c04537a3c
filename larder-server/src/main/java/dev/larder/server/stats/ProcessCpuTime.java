package dev.larder.server.stats;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this process has used, split into user and system time as memcached's {@code
 * getrusage} figures are ({@code rusage_user}, {@code rusage_system}).
 *
 * <p>On Linux it reads {@code /proc/self/stat}, the kernel's own account of the whole process. Where
 * that is missing, the JVM's total process CPU time is reported as user time.
 */
record ProcessCpuTime(long userMicros, long systemMicros) {
  private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");
  /** Linux reports times in USER_HZ ticks, 100 per second on every architecture it ships for. */
  private static final long MICROS_PER_TICK = 10_000;
  /** utime and stime are fields 14 and 15; counted from field 3, which follows the ')' of the name. */
  private static final int UTIME_AFTER_NAME = 14 - 3;

  static ProcessCpuTime read() {
    try {
      String stat = Files.readString(PROC_SELF_STAT, StandardCharsets.US_ASCII);
      // The process name (field 2) may hold spaces and parentheses; the fields after its last ')' don't.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new ProcessCpuTime(
          Long.parseLong(fields[UTIME_AFTER_NAME]) * MICROS_PER_TICK,
          Long.parseLong(fields[UTIME_AFTER_NAME + 1]) * MICROS_PER_TICK);
    } catch (IOException | RuntimeException unavailable) {
      return fromJvm();
    }
  }

  private static ProcessCpuTime fromJvm() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return new ProcessCpuTime(Math.max(0, os.getProcessCpuTime()) / 1000, 0);
    }
    return new ProcessCpuTime(0, 0);
  }
}
