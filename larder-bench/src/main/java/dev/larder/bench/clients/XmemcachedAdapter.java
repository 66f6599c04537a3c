package dev.larder.bench.clients;

import java.io.IOException;
import java.util.List;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;

/**
 * xmemcached 2.4 through its blocking calls, the text protocol, with a pool of {@link
 * ClientSettings#connections()} connections (its default is one).
 */
final class XmemcachedAdapter implements BenchClient {
  private final MemcachedClient client;
  private final long timeoutMillis;

  XmemcachedAdapter(ClientSettings settings) throws IOException {
    this.timeoutMillis = settings.timeoutMillis();
    XMemcachedClientBuilder builder = new XMemcachedClientBuilder(List.of(settings.server()));
    builder.setConnectionPoolSize(settings.connections());
    builder.setConnectTimeout(ClientSettings.CONNECT_TIMEOUT.toMillis());
    builder.setOpTimeout(timeoutMillis);
    builder.setTranscoder(RawBytes.INSTANCE);
    this.client = builder.build();
  }

  @Override
  public byte[] get(String key) throws Exception {
    return client.get(key, timeoutMillis, RawBytes.INSTANCE);
  }

  @Override
  public boolean set(String key, byte[] value) throws Exception {
    return client.set(key, 0, value, RawBytes.INSTANCE, timeoutMillis);
  }

  @Override
  public void close() throws IOException {
    client.shutdown();
  }

  /** Values as they are, flags 0, never compressed: the settings xmemcached offers are ignored. */
  private static final class RawBytes implements Transcoder<byte[]> {
    static final RawBytes INSTANCE = new RawBytes();

    @Override
    public CachedData encode(byte[] value) {
      return new CachedData(0, value);
    }

    @Override
    public byte[] decode(CachedData data) {
      return data.getData();
    }

    @Override
    public void setPrimitiveAsString(boolean primitiveAsString) {}

    @Override
    public void setPackZeros(boolean packZeros) {}

    @Override
    public void setCompressionThreshold(int threshold) {}

    @Override
    public boolean isPrimitiveAsString() {
      return false;
    }

    @Override
    public boolean isPackZeros() {
      return false;
    }

    @Override
    public void setCompressionMode(CompressionMode mode) {}
  }
}
