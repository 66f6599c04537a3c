package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A client that sends requests for big values and never reads the replies must not make the server
 * buffer replies without bound: the server stops reading from it until it catches up.
 */
class SlowReaderIT {
  private static final int VALUE_SIZE = 500_000;
  /** Far less than the ~4 GB that the requests the client tries to send would produce. */
  private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

  @Test
  void aClientThatDoesNotReadIsNotAnsweredWithoutBound() throws Exception {
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        TextConnection setup = TextConnection.open(server.port())) {
      Socket greedy = new Socket();
      String value = "x".repeat(VALUE_SIZE);
      assertThat(setup.exchange("set big 0 0 " + VALUE_SIZE + "\r\n" + value + "\r\n").text())
          .isEqualTo("STORED\r\n");
      greedy.connect(new InetSocketAddress("127.0.0.1", server.port()));
      byte[] gets = "get big\r\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
      ExecutorService sender = Executors.newSingleThreadExecutor();
      try {
        Future<?> sending = sender.submit(() -> {
          OutputStream out = greedy.getOutputStream();
          for (int i = 0; i < 8_000; i++) { // 8 million gets: about 4 TB of replies
            out.write(gets);
          }
          return null;
        });
        // The writer blocks once both socket buffers are full because the server stopped reading.
        assertThat(blocksFor(sending)).as("the sender was never held back").isTrue();
        long queued = server.context().stats().bytesWritten.sum();
        System.out.printf("replies queued for a client that does not read: %d bytes%n", queued);
        assertThat(queued).isLessThan(MAX_QUEUED_BYTES);
        assertThat(setup.exchange("get big\r\n").text()).startsWith("VALUE big 0 " + VALUE_SIZE);
      } finally {
        greedy.close(); // unblocks the sender
        sender.shutdownNow();
        sender.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * One get of many big values (memcached streams its reply as the client reads): the reply is built a
   * part at a time, so it waits for the client as separate requests do, and then comes whole.
   */
  @Test
  void aGetOfManyBigValuesIsAnsweredAsTheClientReads() throws Exception {
    int keys = 200; // about 100 MB of values
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        TextConnection setup = TextConnection.open(server.port());
        Socket reader = new Socket()) {
      String value = "x".repeat(VALUE_SIZE);
      assertThat(setup.exchange("set big 0 0 " + VALUE_SIZE + "\r\n" + value + "\r\n").text())
          .isEqualTo("STORED\r\n");
      reader.connect(new InetSocketAddress("127.0.0.1", server.port()));
      reader.setSoTimeout(10_000);
      reader.getOutputStream().write(("get" + " big".repeat(keys) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      long queued = settledBytesWritten(server);
      assertThat(queued).as("replies queued before the client reads").isLessThan(MAX_QUEUED_BYTES);

      byte[] valueLine = ("VALUE big 0 " + VALUE_SIZE + "\r\n" + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] reply = reader.getInputStream().readNBytes(valueLine.length * keys + 5);
      for (int i = 0; i < keys; i++) {
        assertThat(Arrays.equals(reply, i * valueLine.length, (i + 1) * valueLine.length, valueLine, 0,
            valueLine.length)).as("value %d", i).isTrue();
      }
      assertThat(new String(reply, keys * valueLine.length, 5, StandardCharsets.US_ASCII)).isEqualTo("END\r\n");
      assertThat(server.context().stats().getHits.sum()).isEqualTo(keys);
    }
  }

  /** The server's bytes written once it has begun to answer a get and they stop growing for half a second. */
  private static long settledBytesWritten(LarderServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.context().stats().cmdGet.sum() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long before = -1;
    long now = server.context().stats().bytesWritten.sum();
    while (now != before) {
      Thread.sleep(500);
      before = now;
      now = server.context().stats().bytesWritten.sum();
    }
    return now;
  }

  private static boolean blocksFor(Future<?> sending) throws Exception {
    try {
      sending.get(3, TimeUnit.SECONDS);
      return false;
    } catch (TimeoutException stillBlocked) {
      return true;
    }
  }
}
