package dev.larder.bench.clients;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.ClientProtocol;
import dev.larder.client.LarderClient;
import dev.larder.client.LarderClientBuilder;
import dev.larder.client.routing.Node;
import dev.larder.client.transcoder.BytesTranscoder;
import java.util.List;

/**
 * The Larder client through its blocking API, {@link LarderClient#sync()}, over the text protocol that
 * every peer here speaks (its default would switch to the meta protocol with a server that has it).
 */
final class LarderAdapter implements BenchClient {
  private final LarderClient<byte[]> client;
  private final BlockingLarderClient<byte[]> sync;

  LarderAdapter(ClientSettings settings) {
    LarderClientBuilder builder = LarderClient.builder()
        .servers(List.of(Node.of(settings.server().getHostString(), settings.server().getPort())))
        .connectionsPerServer(settings.connections())
        .connectTimeout(ClientSettings.CONNECT_TIMEOUT)
        .operationTimeout(settings.timeout())
        .protocol(ClientProtocol.TEXT);
    if (settings.larderIoThreads() > 0) {
      builder.ioThreads(settings.larderIoThreads());
    }
    this.client = builder.build(BytesTranscoder.INSTANCE);
    this.sync = client.sync();
  }

  @Override
  public byte[] get(String key) {
    return sync.get(key);
  }

  @Override
  public boolean set(String key, byte[] value) {
    return sync.set(key, value, 0);
  }

  @Override
  public void close() {
    client.close();
  }
}
