package dev.larder.bench.clients;

import com.spotify.folsom.MemcacheClient;
import com.spotify.folsom.MemcacheClientBuilder;
import com.spotify.folsom.MemcacheStatus;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * folsom 1.21 over ASCII, with {@link ClientSettings#connections()} connections; folsom has only an
 * asynchronous API, so a blocking call awaits its future for at most the timeout, as folsom asks callers
 * to do and as the Larder client's blocking API does; the same timeout is folsom's connection timeout
 * (a connection with a request outstanding that long is recreated). Its byte-array client stores values
 * as they are, flags 0.
 */
final class FolsomAdapter implements BenchClient {
  private final MemcacheClient<byte[]> client;
  private final long timeoutMillis;

  FolsomAdapter(ClientSettings settings) throws TimeoutException, InterruptedException {
    this.timeoutMillis = settings.timeoutMillis();
    this.client = MemcacheClientBuilder.newByteArrayClient()
        .withAddress(settings.server().getHostString(), settings.server().getPort())
        .withConnections(settings.connections())
        .withConnectionTimeoutMillis(timeoutMillis)
        .connectAscii();
    client.awaitFullyConnected(ClientSettings.CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public byte[] get(String key) throws Exception {
    return client.get(key).toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean set(String key, byte[] value) throws Exception {
    return client.set(key, value, 0).toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS)
        == MemcacheStatus.OK;
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
