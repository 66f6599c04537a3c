package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

  private static boolean blocksFor(Future<?> sending) throws Exception {
    try {
      sending.get(3, TimeUnit.SECONDS);
      return false;
    } catch (TimeoutException stillBlocked) {
      return true;
    }
  }
}
