package dev.larder.server.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.protocol.binary.BinaryRequest;
import dev.larder.protocol.binary.BinaryRequestDecoder;
import dev.larder.server.ClientConnection;
import dev.larder.server.ReplyValues;
import dev.larder.server.ServerConfig;
import dev.larder.server.ServerContext;
import dev.larder.storage.EngineConfig;
import dev.larder.storage.ReferenceEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binary requests in, response statuses out, with a clock moved by hand: the expiries the
 * differential tests against memcached cannot wait for, and what closes a connection.
 */
class BinaryCommandExecutorTest {
  private static final long START = 1_700_000_000_000L;
  private static final int GET = 0x00;
  private static final int SET = 0x01;
  private static final int INCREMENT = 0x05;
  private static final int QUIT = 0x07;
  private static final int FLUSH = 0x08;
  private static final int GETQ = 0x09;
  private static final int GETK = 0x0c;
  private static final int NOOP = 0x0a;
  private static final int GETKQ = 0x0d;
  private static final int GAT = 0x1d;

  private final long[] now = {START};
  private ServerContext server;
  private BinaryRequestDecoder decoder;
  private BinaryCommandExecutor executor;
  private boolean open;

  @BeforeEach
  void connect() {
    ReferenceEngine engine = new ReferenceEngine(new EngineConfig(64L << 20, 1 << 20, true, () -> now[0]));
    server = new ServerContext(ServerConfig.defaults(), engine, () -> now[0], () -> {});
    decoder = new BinaryRequestDecoder(1 << 20);
    executor = new BinaryCommandExecutor(server, new ClientConnection(1, new InetSocketAddress("127.0.0.1", 1), START),
        new ReplyValues());
    open = true;
  }

  private static byte[] packet(int opcode, byte[] extras, String key, String value) {
    byte[] k = key.getBytes(StandardCharsets.US_ASCII);
    byte[] v = value.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(24 + extras.length + k.length + v.length)
        .put((byte) 0x80).put((byte) opcode).putShort((short) k.length).put((byte) extras.length).put((byte) 0)
        .putShort((short) 0).putInt(extras.length + k.length + v.length).putInt(0).putLong(0)
        .put(extras).put(k).put(v).array();
  }

  /** The statuses of the responses, in order. */
  private List<Integer> send(byte[] wire) {
    ByteBuf in = Unpooled.wrappedBuffer(wire);
    ByteBuf out = Unpooled.buffer();
    BinaryRequest request;
    while (open && (request = decoder.decode(in)) != null) {
      open = executor.execute(request, out);
    }
    List<Integer> statuses = new ArrayList<>();
    while (out.isReadable()) {
      statuses.add((int) out.getShort(out.readerIndex() + 6));
      out.skipBytes(24 + out.getInt(out.readerIndex() + 8));
    }
    return statuses;
  }

  private List<Integer> get(String key) {
    return send(packet(GET, new byte[0], key, ""));
  }

  private void advanceSeconds(int seconds) {
    now[0] += seconds * 1000L;
  }

  @Test
  void aCounterCreatedByIncrExpiresAtItsExpiration() {
    byte[] extras = ByteBuffer.allocate(20).putLong(1).putLong(5).putInt(10).array();
    assertThat(send(packet(INCREMENT, extras, "n", ""))).containsExactly(0);
    advanceSeconds(9);
    assertThat(get("n")).containsExactly(0);
    advanceSeconds(1);
    assertThat(get("n")).containsExactly(1);
  }

  @Test
  void eachCounterCreatedOnAConnectionTakesItsOwnInitialValueAndExpiration() {
    assertThat(createdNumber("a", 5, 20)).isEqualTo(5);
    assertThat(createdNumber("b", 7, 10)).isEqualTo(7);
    advanceSeconds(10);
    assertThat(get("a")).containsExactly(0);
    assertThat(get("b")).containsExactly(1);
  }

  /** The number a binary incr by 1 answers for {@code key}, missing, with this initial value and expiration. */
  private long createdNumber(String key, long initial, int expiration) {
    byte[] extras = ByteBuffer.allocate(20).putLong(1).putLong(initial).putInt(expiration).array();
    ByteBuf in = Unpooled.wrappedBuffer(packet(INCREMENT, extras, key, ""));
    ByteBuf out = Unpooled.buffer();
    executor.execute(decoder.decode(in), out);
    assertThat(out.getShort(6)).isZero();
    return out.getLong(24);
  }

  @Test
  void getAndTouchSetsTheNewExpiry() {
    send(packet(SET, new byte[8], "k", "v"));
    assertThat(send(packet(GAT, ByteBuffer.allocate(4).putInt(2).array(), "k", ""))).containsExactly(0);
    advanceSeconds(2);
    assertThat(get("k")).containsExactly(1);
  }

  @Test
  void aDelayedFlushTakesEffectWhenItsTimeComes() {
    send(packet(SET, new byte[8], "k", "v"));
    assertThat(send(packet(FLUSH, ByteBuffer.allocate(4).putInt(5).array(), "", ""))).containsExactly(0);
    advanceSeconds(4);
    assertThat(get("k")).containsExactly(0);
    advanceSeconds(1);
    assertThat(get("k")).containsExactly(1);
  }

  @Test
  void getsDecodedTogetherAreAnsweredInOrderAsEachAloneIsAndEveryKeyCounts() {
    send(concat(packet(SET, new byte[8], "a", "1"), packet(SET, new byte[8], "b", "22"),
        packet(SET, ByteBuffer.allocate(8).putInt(4, 1).array(), "c", "3")));
    advanceSeconds(1);
    ByteBuf in = Unpooled.wrappedBuffer(concat(packet(GETKQ, new byte[0], "a", ""),
        packet(GETQ, new byte[0], "missing", ""), packet(GET, new byte[0], "missing", ""),
        packet(GETK, new byte[0], "c", ""), packet(GETKQ, new byte[0], "b", ""), packet(GETQ, new byte[0], "a", ""),
        packet(NOOP, new byte[0], "", "")));
    BinaryRequest gets = decoder.decode(in);
    assertThat(gets).isInstanceOf(BinaryRequest.Gets.class);
    ByteBuf out = Unpooled.buffer();
    executor.execute(gets, out);
    executor.execute(decoder.decode(in), out);

    List<String> responses = new ArrayList<>();
    while (out.isReadable()) {
      int keyLength = out.getUnsignedShort(out.readerIndex() + 2);
      int extrasLength = out.getUnsignedByte(out.readerIndex() + 4);
      int bodyLength = out.getInt(out.readerIndex() + 8);
      ByteBuf body = out.slice(out.readerIndex() + 24 + extrasLength, bodyLength - extrasLength);
      responses.add(String.format("%02x %d %s/%s", out.getUnsignedByte(out.readerIndex() + 1),
          out.getShort(out.readerIndex() + 6), body.toString(0, keyLength, StandardCharsets.US_ASCII),
          body.toString(keyLength, body.readableBytes() - keyLength, StandardCharsets.US_ASCII)));
      out.skipBytes(24 + bodyLength);
    }
    assertThat(responses).containsExactly("0d 0 a/1", "00 1 /Not found", "0c 1 c/", "0d 0 b/22", "09 0 /1", "0a 0 /");
    assertThat(server.stats().cmdGet.sum()).isEqualTo(6);
    assertThat(server.stats().getHits.sum()).isEqualTo(3);
    assertThat(server.stats().getMisses.sum()).isEqualTo(3);
    assertThat(server.stats().getExpired.sum()).isEqualTo(1);
  }

  private static byte[] concat(byte[]... packets) {
    ByteBuf all = Unpooled.buffer();
    for (byte[] packet : packets) {
      all.writeBytes(packet);
    }
    return ByteBufUtil.getBytes(all);
  }

  @Test
  void quitAnswersThenCloses() {
    assertThat(send(packet(QUIT, new byte[0], "", ""))).containsExactly(0);
    assertThat(open).isFalse();
  }

  @Test
  void aProtocolErrorAnswersThenCloses() {
    assertThat(send(packet(GET, new byte[4], "k", ""))).containsExactly(0x04);
    assertThat(open).isFalse();
  }
}
