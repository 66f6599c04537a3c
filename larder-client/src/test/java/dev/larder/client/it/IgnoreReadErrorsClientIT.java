package dev.larder.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.client.BlockingLarderClient;
import dev.larder.client.CacheException;
import dev.larder.client.LarderClient;
import dev.larder.client.helpers.IgnoreReadErrorsClient;
import dev.larder.client.it.ServerKind.CacheServer;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With one of two servers dead, reads of its keys are misses while the other server's keys still hit. */
class IgnoreReadErrorsClientIT {
  @RegisterExtension
  final TestResources resources = new TestResources();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aDeadServersReadsAreMissesAndItsWritesStillFail(ServerKind kind) throws Exception {
    CacheServer alive = resources.start(kind);
    CacheServer doomed = resources.start(kind);
    LarderClient<String> client =
        resources.client(new Utf8Transcoder(), UnaryOperator.identity(), List.of(alive, doomed));
    BlockingLarderClient<String> cache = new IgnoreReadErrorsClient<>(client).sync();
    List<String> keys = IntStream.range(0, 40).mapToObj(i -> "key" + i).toList();
    keys.forEach(key -> cache.set(key, "value of " + key, 0));

    doomed.close();
    Map<String, String> hits = cache.getAll(keys);

    assertThat(hits).isNotEmpty().hasSizeLessThan(keys.size())
        .allSatisfy((key, value) -> assertThat(value).isEqualTo("value of " + key));
    for (String key : keys) {
      assertThat(cache.get(key)).isEqualTo(hits.get(key));
      assertThat(cache.getsAll(List.of(key))).hasSize(hits.containsKey(key) ? 1 : 0);
      if (!hits.containsKey(key)) {
        assertThat(cache.gets(key)).isNull();
        assertThat(cache.getAndTouch(key, 100)).isNull();
        assertThat(catchThrowable(() -> cache.set(key, "v", 0))).as(key).isInstanceOf(CacheException.class);
      }
    }
  }
}
