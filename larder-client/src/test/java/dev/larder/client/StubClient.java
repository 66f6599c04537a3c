package dev.larder.client;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.function.BiFunction;

/** {@link LarderClient}s without servers, for unit tests of decorators. */
public final class StubClient {
  /** The blocking timeout of every stub. */
  public static final Duration SYNC_TIMEOUT = Duration.ofSeconds(1);

  private StubClient() {}

  /**
   * A client whose commands all return what {@code answer} gives for the command's name and
   * arguments; {@code sync()} waits {@link #SYNC_TIMEOUT}, and {@code close()} does nothing.
   */
  @SuppressWarnings("unchecked")
  public static <V> LarderClient<V> answering(BiFunction<String, Object[], Object> answer) {
    return (LarderClient<V>) Proxy.newProxyInstance(LarderClient.class.getClassLoader(),
        new Class<?>[] {LarderClient.class}, (proxy, method, args) -> switch (method.getName()) {
          case "sync" -> new BlockingLarderClient<>((LarderClient<?>) proxy, SYNC_TIMEOUT);
          case "close" -> null;
          case "toString" -> "StubClient";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> answer.apply(method.getName(), args == null ? new Object[0] : args);
        });
  }

  /** A client that refuses every command with {@link UnsupportedOperationException}: override what a test needs. */
  public static <V> LarderClient<V> refusing() {
    return answering((command, args) -> {
      throw new UnsupportedOperationException(command);
    });
  }
}
