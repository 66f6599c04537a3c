package dev.larder.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.it.TextConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code larder serve -m 64} written far past its limit stays within it: it evicts, keeps answering,
 * and its resident memory stays bounded. With {@code -M} it refuses stores instead.
 */
class EvictionIT {
  private static final int VALUE_SIZE = 10 * 1024;
  private static final String VALUE = "v".repeat(VALUE_SIZE);
  private static final long MEMORY_LIMIT_MB = 64;
  /** Four times the memory limit, in values. */
  private static final int SETS = (int) (4 * MEMORY_LIMIT_MB * 1024 * 1024 / VALUE_SIZE);
  private static final int BATCH = 256;
  /** Resident memory allowed: the 64 MB of items plus a generous fixed JVM and Netty overhead. */
  private static final long MAX_RSS_MB = 512;

  @Test
  void evictsToStayWithinTheMemoryLimit() throws Exception {
    try (LarderLauncher.Server server = LarderLauncher.serve("-m", Long.toString(MEMORY_LIMIT_MB));
        TextConnection connection = TextConnection.open(server.port())) {
      for (int first = 0; first < SETS; first += BATCH) {
        int count = Math.min(BATCH, SETS - first);
        writeSets(connection, first, count);
        for (int i = 0; i < count; i++) {
          assertThat(connection.readLine()).as("reply to set ev%d", first + i).isEqualTo("STORED");
        }
      }

      assertThat(connection.command("version")).startsWith("VERSION ");
      String newest = "get ev" + (SETS - 1) + "\r\n";
      assertThat(connection.exchange(newest).text()).as("the newest item").startsWith("VALUE ");
      Map<String, String> stats = connection.stats("");
      long rssMb = residentMegabytes(server.pid());
      System.out.printf("larder serve -m %d after %d sets of %d bytes: RSS %d MB, evictions %s, bytes %s%n",
          MEMORY_LIMIT_MB, SETS, VALUE_SIZE, rssMb, stats.get("evictions"), stats.get("bytes"));

      assertThat(Long.parseLong(stats.get("evictions"))).as("evictions").isPositive();
      assertThat(stats.get("limit_maxbytes")).isEqualTo(Long.toString(MEMORY_LIMIT_MB * 1024 * 1024));
      assertThat(Long.parseLong(stats.get("bytes"))).as("bytes").isLessThanOrEqualTo(MEMORY_LIMIT_MB * 1024 * 1024);
      assertThat(rssMb).as("resident memory in MB").isLessThan(MAX_RSS_MB);
    }
  }

  @Test
  void refusesStoresWhenFullWithEvictionsDisabled() throws Exception {
    int limitMb = 8;
    int maxSets = 4 * limitMb * 1024 * 1024 / VALUE_SIZE;
    try (LarderLauncher.Server server = LarderLauncher.serve("-m", Integer.toString(limitMb), "-M");
        TextConnection connection = TextConnection.open(server.port())) {
      String reply = "STORED";
      int sets = 0;
      while (reply.equals("STORED") && sets < maxSets) {
        writeSets(connection, sets, 1);
        reply = connection.readLine();
        sets++;
      }

      assertThat(reply).as("reply to set %d of %d bytes", sets, VALUE_SIZE)
          .isEqualTo("SERVER_ERROR out of memory storing object");
      assertThat(connection.exchange("get ev0\r\n").text()).as("the oldest item, kept").startsWith("VALUE ");
      assertThat(connection.stats("")).containsEntry("evictions", "0");
    }
  }

  /** Writes {@code count} sets of {@link #VALUE} to keys {@code ev<first>}... in one write. */
  private static void writeSets(TextConnection connection, int first, int count) throws IOException {
    StringBuilder batch = new StringBuilder(count * (VALUE_SIZE + 40));
    for (int i = first; i < first + count; i++) {
      batch.append("set ev").append(i).append(" 0 0 ").append(VALUE_SIZE).append("\r\n")
          .append(VALUE).append("\r\n");
    }
    connection.write(batch.toString());
  }

  private static long residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/" + pid + "/status");
  }
}
