package dev.larder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ForwardingLarderClientTest {

  @Test
  void forwardsEveryCommandWithItsArgumentsAndResult() throws Exception {
    List<String> received = new ArrayList<>();
    CompletableFuture<Object> reply = CompletableFuture.completedFuture("reply");
    LarderClient<Object> delegate = StubClient.answering((command, args) -> {
      received.add(command + Arrays.toString(args));
      return reply;
    });
    LarderClient<Object> forwarding = new ForwardingLarderClient<>(delegate) {};

    for (Method method : LarderClient.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.getName().equals("sync")) {
        continue;
      }
      received.clear();
      Object[] args = Arrays.stream(method.getParameterTypes()).map(ForwardingLarderClientTest::sample).toArray();
      Object result = method.invoke(forwarding, args);

      if (method.getName().equals("close")) {
        assertThat(result).isNull();
      } else {
        assertThat(received).as(method.toString()).containsExactly(method.getName() + Arrays.toString(args));
        assertThat(result).as(method.toString()).isSameAs(reply);
      }
    }
  }

  @Test
  void syncGoesThroughTheOverridesWithTheDelegatesTimeout() {
    LarderClient<String> delegate = StubClient.refusing();
    LarderClient<String> decorated = new ForwardingLarderClient<>(delegate) {
      @Override
      public CompletableFuture<String> get(String key) {
        return CompletableFuture.completedFuture("decorated " + key);
      }
    };

    BlockingLarderClient<String> sync = decorated.sync();

    assertThat(sync.get("k")).isEqualTo("decorated k");
    assertThat(sync.async()).isSameAs(decorated);
    assertThat(sync.timeout()).isEqualTo(StubClient.SYNC_TIMEOUT);
  }

  private static Object sample(Class<?> type) {
    if (type == int.class) {
      return 7;
    } else if (type == long.class) {
      return 9L;
    } else if (type == String.class) {
      return "k";
    } else if (type == java.util.Collection.class) {
      return List.of("a", "b");
    } else if (type == Lease.class) {
      return new Lease<>("v", 3, true, false);
    }
    return new Object();
  }
}
