package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Long values go out straight from engine memory, pinned there until the socket has taken them or
 * they are copied. Clients that read them slowly, while another client overwrites them and evicts
 * them from a small cache, must still get every value whole, over text, meta and binary.
 */
class BigValuesUnderChurnIT {
  private static final int VALUE_SIZE = 200_000;
  /** 20 MB of values through an 8 MB cache: the writer keeps evicting. */
  private static final int KEYS = 100;
  private static final int KEYS_PER_ROUND = 16;
  private static final int ROUNDS = 24;

  @Test
  void slowReadersGetWholeValuesWhileTheyAreOverwrittenAndEvicted() throws Exception {
    ServerConfig d = ServerConfig.defaults();
    ServerConfig small = new ServerConfig(0, d.listen(), 8 * ServerConfig.MEGABYTE, d.connectionLimit(), 2,
        d.maxItemSize(), d.udpPort(), d.verbosity(), d.enableShutdown(), true, d.idleTimeout());
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (LarderServer server = LarderServer.start(small);
        TextConnection setup = TextConnection.open(server.port())) {
      Future<Integer> writing = writer.submit(() -> overwrite(setup, done));
      Random random = new Random(7);
      int values = 0;
      for (int round = 0; round < ROUNDS; round++) {
        values += readSlowly(server.port(), "text", random);
        values += readSlowly(server.port(), "meta", random);
        values += readSlowly(server.port(), "binary", random);
      }
      done.set(true);
      int stores = writing.get(30, TimeUnit.SECONDS);
      assertThat(values).as("hits read").isGreaterThan(ROUNDS * KEYS_PER_ROUND / 2);
      assertThat(stores).as("stores meanwhile").isGreaterThan(KEYS);
      assertThat(server.context().engine().stats().evictions()).isPositive();
    } finally {
      done.set(true);
      writer.shutdownNow();
    }
  }

  /** Stores generation after generation of every key until {@code done}; returns how many stores. */
  private static int overwrite(TextConnection setup, AtomicBoolean done) throws IOException {
    int stores = 0;
    for (int generation = 0; !done.get(); generation++) {
      for (int k = 0; k < KEYS && !done.get(); k++, stores++) {
        String letter = String.valueOf((char) ('a' + (generation + k) % 26));
        assertThat(setup.exchange("set k" + k + " 0 0 " + VALUE_SIZE + "\r\n" + letter.repeat(VALUE_SIZE) + "\r\n")
            .text()).isEqualTo("STORED\r\n");
      }
    }
    return stores;
  }

  /**
   * Asks for {@link #KEYS_PER_ROUND} random keys over a socket with a small receive buffer, waits so
   * that the server's sends fall short, then reads every value; returns how many hits came.
   */
  private static int readSlowly(int port, String protocol, Random random) throws Exception {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      socket.setSoTimeout(10_000);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < KEYS_PER_ROUND; i++) {
        keys.add("k" + random.nextInt(KEYS));
      }
      OutputStream out = socket.getOutputStream();
      out.write(request(protocol, keys));
      Thread.sleep(20);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int hits = 0;
      for (byte[] value = next(in, protocol); value != null; value = next(in, protocol)) {
        assertThat(value).as(protocol).hasSize(VALUE_SIZE);
        assertThat(new String(value, StandardCharsets.ISO_8859_1)).as("%s: one generation's value", protocol)
            .matches((char) value[0] + "{" + VALUE_SIZE + "}");
        hits++;
      }
      return hits;
    }
  }

  private static byte[] request(String protocol, List<String> keys) {
    if (protocol.equals("binary")) {
      byte[][] packets = new byte[keys.size() + 1][];
      for (int i = 0; i < keys.size(); i++) {
        packets[i] = BinaryConnection.request(0x0d, new byte[0], keys.get(i), "", i, 0); // GETKQ: quiet misses
      }
      packets[keys.size()] = BinaryConnection.request(0x0a, new byte[0], "", "", -1, 0); // NOOP ends them
      return BinaryConnection.concat(packets);
    }
    StringBuilder text = new StringBuilder(protocol.equals("text") ? "get" : "");
    for (String key : keys) {
      text.append(protocol.equals("text") ? " " + key : "mg " + key + " v q\r\n");
    }
    text.append(protocol.equals("text") ? "\r\n" : "mn\r\n");
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The next hit's value; null at the end of the reply (misses are not answered). */
  private static byte[] next(DataInputStream in, String protocol) throws IOException {
    if (protocol.equals("binary")) {
      byte[] header = new byte[24];
      in.readFully(header);
      int keyLength = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
      int extrasLength = header[4] & 0xFF;
      byte[] body = new byte[ByteBuffer.wrap(header, 8, 4).getInt()];
      in.readFully(body);
      return header[1] == 0x0a ? null : Arrays.copyOfRange(body, extrasLength + keyLength, body.length);
    }
    String line = readLine(in);
    if (line.equals("END") || line.equals("MN")) {
      return null;
    }
    byte[] value = new byte[Integer.parseInt(line.split(" ")[protocol.equals("text") ? 3 : 1])];
    in.readFully(value);
    assertThat(readLine(in)).isEmpty();
    return value;
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("closed after " + line);
      }
      line.append((char) c);
    }
    return line.substring(0, line.length() - 1);
  }
}
