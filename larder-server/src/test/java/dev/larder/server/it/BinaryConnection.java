package dev.larder.server.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A plain socket speaking memcached's binary protocol, byte for byte. {@link #exchange} knows when
 * the replies to a script are complete without timing: it appends a noop with the opaque {@link
 * #SENTINEL} and reads response packets until that noop's answer, or until the server closes.
 */
public final class BinaryConnection implements AutoCloseable {
  /** The opaque of the noop sent after a script; no script uses it. */
  public static final int SENTINEL = 0x5E5E5E5E;

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final int NOOP = 0x0a;
  private static final int VERSION = 0x0b;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private BinaryConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code 127.0.0.1:port}; every later read waits at most ten seconds. */
  public static BinaryConnection open(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), (int) READ_TIMEOUT.toMillis());
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    socket.setTcpNoDelay(true);
    return new BinaryConnection(socket);
  }

  /** A request packet: the 24-byte header, extras, key and value. */
  public static byte[] request(int opcode, byte[] extras, String key, String value, int opaque, long cas) {
    byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
    byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(24 + extras.length + k.length + v.length)
        .put((byte) 0x80).put((byte) opcode).putShort((short) k.length).put((byte) extras.length)
        .put((byte) 0).putShort((short) 0).putInt(extras.length + k.length + v.length).putInt(opaque).putLong(cas)
        .put(extras).put(k).put(v)
        .array();
  }

  /** The packets one after another, as a client pipelines them in one write. */
  public static byte[] concat(byte[]... packets) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (byte[] packet : packets) {
      joined.writeBytes(packet);
    }
    return joined.toByteArray();
  }

  /** One response packet, as read. */
  public record Packet(int magic, int opcode, int status, int opaque, long cas, byte[] extras, byte[] key, byte[] value) {
    /**
     * The packet in words; the CAS unique only as zero or not (two servers number items differently),
     * and a version's text masked.
     */
    public String describe() {
      String shownValue = opcode == VERSION && status == 0 ? "<version>" : text(value);
      return String.format("magic=%02x op=%02x status=%04x opaque=%08x cas=%s extras=%s key='%s' value='%s'",
          magic, opcode, status, opaque, cas == 0 ? "0" : "<cas>", HexFormat.of().formatHex(extras), text(key),
          shownValue);
    }

    private static String text(byte[] bytes) {
      return TextConnection.printable(new String(bytes, StandardCharsets.ISO_8859_1));
    }
  }

  /** The packets answering a script, and whether the server then closed the connection. */
  public record Reply(List<Packet> packets, boolean closed) {
    /** One line per packet, and a last line when the connection closed. */
    public List<String> describe() {
      List<String> lines = new ArrayList<>();
      packets.forEach(packet -> lines.add(packet.describe()));
      if (closed) {
        lines.add("<connection closed>");
      }
      return lines;
    }
  }

  /** Writes {@code bytes} and flushes: a part of a script, whose replies a later {@link #exchange} reads. */
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends {@code script} and the sentinel noop, and returns the packets answering the script. */
  public Reply exchange(byte[] script) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(script);
    bytes.writeBytes(request(NOOP, new byte[0], "", "", SENTINEL, 0));
    out.write(bytes.toByteArray());
    out.flush();
    List<Packet> packets = new ArrayList<>();
    while (true) {
      Packet packet;
      try {
        packet = read();
      } catch (EOFException | SocketException closed) {
        return new Reply(packets, true);
      }
      if (packet.opcode() == NOOP && packet.opaque() == SENTINEL) {
        return new Reply(packets, false);
      }
      packets.add(packet);
    }
  }

  private Packet read() throws IOException {
    int magic = in.readUnsignedByte();
    int opcode = in.readUnsignedByte();
    int keyLength = in.readUnsignedShort();
    int extrasLength = in.readUnsignedByte();
    in.readUnsignedByte(); // data type
    int status = in.readUnsignedShort();
    int bodyLength = in.readInt();
    int opaque = in.readInt();
    long cas = in.readLong();
    byte[] extras = in.readNBytes(extrasLength);
    byte[] key = in.readNBytes(keyLength);
    byte[] value = in.readNBytes(bodyLength - extrasLength - keyLength);
    if (value.length != bodyLength - extrasLength - keyLength) {
      throw new EOFException("packet cut short");
    }
    return new Packet(magic, opcode, status, opaque, cas, extras, key, value);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
