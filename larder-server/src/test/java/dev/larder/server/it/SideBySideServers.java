package dev.larder.server.it;

import dev.larder.server.LarderServer;
import dev.larder.server.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A memcached 1.6 and a Larder server with default settings, started before a test class's first test
 * and stopped after its last, for tests that send both the same bytes and compare what comes back:
 * {@code @RegisterExtension static final SideBySideServers servers = new SideBySideServers();}
 */
public final class SideBySideServers implements BeforeAllCallback, AfterAllCallback {
  private MemcachedProcess memcached;
  private LarderServer larder;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    memcached = MemcachedProcess.start();
    larder = LarderServer.start(ServerConfig.defaults().withPort(0));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (larder != null) {
      larder.close();
    }
    if (memcached != null) {
      memcached.close();
    }
  }

  public MemcachedProcess memcached() {
    return memcached;
  }

  public LarderServer larder() {
    return larder;
  }
}
