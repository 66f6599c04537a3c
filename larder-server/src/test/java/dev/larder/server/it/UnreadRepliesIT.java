package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Replies go straight to the socket while nothing is queued, and through the channel's queue once the
 * socket is full: a client that sends many requests before reading any reply still gets every reply
 * whole and in order.
 */
class UnreadRepliesIT {
  private static final int KEYS = 5;
  private static final int VALUE_SIZE = 20_000;
  /** About 10 MB of replies: more than the socket buffers hold, so sends are partial and then queued. */
  private static final int REQUESTS = 500;

  @Test
  void repliesToRequestsSentBeforeAnyReadArriveWholeAndInOrder() throws Exception {
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        TextConnection setup = TextConnection.open(server.port());
        Socket client = new Socket()) {
      for (int k = 0; k < KEYS; k++) {
        assertThat(setup.exchange("set k" + k + " 0 0 " + VALUE_SIZE + "\r\n" + value(k) + "\r\n").text())
            .isEqualTo("STORED\r\n");
      }
      client.connect(new InetSocketAddress("127.0.0.1", server.port()));
      client.setTcpNoDelay(true);
      client.setSoTimeout(10_000);
      OutputStream out = client.getOutputStream();
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < REQUESTS; i++) {
        int k = i % KEYS;
        out.write(("get k" + k + "\r\n").getBytes(StandardCharsets.US_ASCII)); // one request per packet
        expected.append("VALUE k").append(k).append(" 0 ").append(VALUE_SIZE).append("\r\n")
            .append(value(k)).append("\r\nEND\r\n");
      }
      byte[] received = client.getInputStream().readNBytes(expected.length());
      assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
  }

  /**
   * A client that shuts down its sending side after its requests (as {@code printf ... | nc} does)
   * still gets every reply, as from memcached, and then the server closes; a request cut short by the
   * shutdown is dropped.
   */
  @Test
  void aClientThatShutsDownItsSendingSideStillGetsEveryReply() throws Exception {
    String value = "v".repeat(500_000);
    int gets = 100; // 50 MB of replies: far more than the sockets hold
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        TextConnection setup = TextConnection.open(server.port());
        Socket client = new Socket()) {
      assertThat(setup.exchange("set big 0 0 " + value.length() + "\r\n" + value + "\r\n").text())
          .isEqualTo("STORED\r\n");
      client.connect(new InetSocketAddress("127.0.0.1", server.port()));
      client.setSoTimeout(10_000);
      client.getOutputStream().write(("get big\r\n".repeat(gets) + "get k0 k1").getBytes(StandardCharsets.US_ASCII));
      client.shutdownOutput();
      byte[] received = client.getInputStream().readAllBytes(); // until the server closes
      String reply = "VALUE big 0 " + value.length() + "\r\n" + value + "\r\nEND\r\n";
      assertThat(received.length).isEqualTo(reply.length() * gets);
      assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo(reply.repeat(gets));
    }
  }

  /**
   * A reply with a long value goes out from engine memory, or is copied whole where the socket is
   * full, before the next request: a later request that drops the replies memcached would not have
   * sent yet (a get with a key over 250 bytes) leaves it whole.
   */
  @Test
  void aLongValuesReplyStaysWholeWhenALaterRequestDropsUnsentReplies() throws Exception {
    String big = "b".repeat(500_000);
    String value = "v".repeat(30_000);
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        TextConnection setup = TextConnection.open(server.port());
        Socket client = new Socket()) {
      assertThat(setup.exchange("set big 0 0 " + big.length() + "\r\n" + big + "\r\n"
          + "set k 0 0 " + value.length() + "\r\n" + value + "\r\n").text()).isEqualTo("STORED\r\nSTORED\r\n");
      client.connect(new InetSocketAddress("127.0.0.1", server.port()));
      client.setSoTimeout(10_000);
      // One write: the gets fill the socket, so the mg's reply is queued behind them.
      client.getOutputStream().write(("get big\r\n".repeat(20) + "mg k v\r\n" + "get " + "x".repeat(300) + "\r\n"
          + "mn\r\n").getBytes(StandardCharsets.US_ASCII));
      String expected = ("VALUE big 0 " + big.length() + "\r\n" + big + "\r\nEND\r\n").repeat(20)
          + "VA " + value.length() + "\r\n" + value + "\r\n"
          + "CLIENT_ERROR bad command line format\r\n" + "MN\r\n";
      byte[] received = client.getInputStream().readNBytes(expected.length());
      assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo(expected);
    }
  }

  @Test
  void aClientThatShutsDownItsSendingSideBeforeAnyRequestIsClosed() throws Exception {
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        Socket client = new Socket()) {
      client.connect(new InetSocketAddress("127.0.0.1", server.port()));
      client.setSoTimeout(10_000);
      client.shutdownOutput();
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
  }

  private static String value(int key) {
    return String.valueOf((char) ('a' + key)).repeat(VALUE_SIZE);
  }
}
