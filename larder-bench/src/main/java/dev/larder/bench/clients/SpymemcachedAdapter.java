package dev.larder.bench.clients;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.CachedData;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.transcoders.Transcoder;

/**
 * spymemcached 2.12 through its blocking calls: one connection and one I/O thread, as the library
 * always has; the text protocol; its builder's defaults otherwise (which leave its merging of queued
 * gets off).
 */
final class SpymemcachedAdapter implements BenchClient {
  private final MemcachedClient client;
  private final long timeoutMillis;

  SpymemcachedAdapter(ClientSettings settings) throws IOException {
    this.timeoutMillis = settings.timeoutMillis();
    this.client = new MemcachedClient(new ConnectionFactoryBuilder()
        .setProtocol(ConnectionFactoryBuilder.Protocol.TEXT)
        .setOpTimeout(timeoutMillis)
        .setDaemon(true)
        .build(), List.of(settings.server()));
  }

  @Override
  public byte[] get(String key) {
    return client.get(key, RawBytes.INSTANCE);
  }

  @Override
  public boolean set(String key, byte[] value) throws Exception {
    return client.set(key, 0, value, RawBytes.INSTANCE).get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    client.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Values as they are, flags 0, never compressed. */
  private static final class RawBytes implements Transcoder<byte[]> {
    static final RawBytes INSTANCE = new RawBytes();

    @Override
    public boolean asyncDecode(CachedData data) {
      return false;
    }

    @Override
    public CachedData encode(byte[] value) {
      return new CachedData(0, value, CachedData.MAX_SIZE);
    }

    @Override
    public byte[] decode(CachedData data) {
      return data.getData();
    }

    @Override
    public int getMaxSize() {
      return CachedData.MAX_SIZE;
    }
  }
}
