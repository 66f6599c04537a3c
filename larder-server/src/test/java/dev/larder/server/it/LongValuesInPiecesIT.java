package dev.larder.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long values whose bytes arrive a little at a time, as over a slow network, on several connections at
 * once: the server gathers each where its request started (straight into the connection's inbound
 * buffer) and stores it whole, and answers what the same writes carried after it, in order.
 */
class LongValuesInPiecesIT {
  private static final int LENGTH = 300_000;
  private static final int PIECE = 997;

  @Test
  void longValuesArrivingInPiecesOnSeveralConnectionsAreStoredWhole() throws Exception {
    String text = patterned(LENGTH, 't');
    String meta = patterned(LENGTH + 1, 'm');
    String binary = patterned(LENGTH + 2, 'b');
    byte[] binaryScript = BinaryConnection.concat(
        BinaryConnection.request(0x01, ByteBuffer.allocate(8).putInt(7).putInt(0).array(), "lb", binary, 1, 0),
        BinaryConnection.request(0x00, new byte[0], "lb", "", 2, 0));
    try (LarderServer server = LarderServer.start(ServerConfig.defaults().withPort(0));
        TextConnection textConnection = TextConnection.open(server.port());
        TextConnection metaConnection = TextConnection.open(server.port());
        BinaryConnection binaryConnection = BinaryConnection.open(server.port())) {
      Socket abandoned = new Socket();
      abandoned.connect(new InetSocketAddress("127.0.0.1", server.port()));
      List<byte[]> textPieces = pieces(ascii("set lt 5 0 " + LENGTH + "\r\n" + text + "\r\nget lt\r\n"));
      List<byte[]> metaPieces = pieces(ascii("ms lm " + meta.length() + " F6 T0\r\n" + meta + "\r\nmg lm f v\r\n"));
      List<byte[]> binaryPieces = pieces(binaryScript);
      List<byte[]> abandonedPieces = pieces(ascii("set la 0 0 1000000\r\n" + "a".repeat(500_000)));
      OutputStream abandonedOut = abandoned.getOutputStream();
      for (int i = 0; i < binaryPieces.size(); i++) {
        if (i < textPieces.size()) {
          textConnection.write(new String(textPieces.get(i), StandardCharsets.ISO_8859_1));
        }
        if (i < metaPieces.size()) {
          metaConnection.write(new String(metaPieces.get(i), StandardCharsets.ISO_8859_1));
        }
        binaryConnection.write(binaryPieces.get(i));
        if (i < binaryPieces.size() / 2) {
          abandonedOut.write(abandonedPieces.get(i));
          abandonedOut.flush();
        } else if (!abandoned.isClosed()) {
          abandoned.close(); // a part of its value sent: the server lets go of the room it made for the rest
        }
        if (i % 16 == 0) {
          Thread.sleep(1); // lets the server read what has come so far
        }
      }

      assertThat(textConnection.exchange("").text())
          .isEqualTo("STORED\r\nVALUE lt 5 " + LENGTH + "\r\n" + text + "\r\nEND\r\n");
      assertThat(metaConnection.exchange("").text())
          .isEqualTo("HD\r\nVA " + meta.length() + " f6\r\n" + meta + "\r\n");
      BinaryConnection.Reply reply = binaryConnection.exchange(new byte[0]);
      assertThat(reply.packets()).hasSize(2);
      assertThat(reply.packets().get(0).status()).as("set").isZero();
      assertThat(reply.packets().get(1).status()).as("get").isZero();
      assertThat(new String(reply.packets().get(1).value(), StandardCharsets.ISO_8859_1)).isEqualTo(binary);
      assertThat(textConnection.exchange("get la\r\n").text()).as("the abandoned value").isEqualTo("END\r\n");
    }
  }

  /** Bytes that differ from position to position, so that a piece out of place shows. */
  private static String patterned(int length, char first) {
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append((char) (first + i % 7 + i / 4096 % 13));
    }
    return value.toString();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<byte[]> pieces(byte[] bytes) {
    List<byte[]> pieces = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += PIECE) {
      pieces.add(Arrays.copyOfRange(bytes, from, Math.min(from + PIECE, bytes.length)));
    }
    return pieces;
  }
}
