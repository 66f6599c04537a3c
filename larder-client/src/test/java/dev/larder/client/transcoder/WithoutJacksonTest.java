package dev.larder.client.transcoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jackson is optional: an application without it on the classpath can still use every transcoder
 * but {@link JsonTranscoder}. The transcoders are loaded here from the module's classes alone, over
 * the JDK, so neither Jackson nor anything else from the test classpath is visible.
 */
class WithoutJacksonTest {
  private static final String PACKAGE = "dev.larder.client.transcoder.";

  @Test
  void everyOtherTranscoderWorksWithoutJackson() throws Exception {
    try (URLClassLoader loader = moduleClassesOnly()) {
      Class<?> serdeClass = loader.loadClass(PACKAGE + "SerdeTranscoder");
      Class<?> compressingClass = loader.loadClass(PACKAGE + "CompressingTranscoder");
      Class<?> transcoderClass = loader.loadClass(PACKAGE + "Transcoder");
      Object serde = serdeClass.getConstructor().newInstance();
      Object compressing = compressingClass.getConstructor(transcoderClass).newInstance(serde);
      Method encode = transcoderClass.getMethod("encode", Object.class);
      Method decode = transcoderClass.getMethod("decode", loader.loadClass(PACKAGE + "CachedData"));

      for (Object value : new Object[] {"text ".repeat(100), 42, 7L, new ArrayList<>(List.of(1))}) {
        assertThat(decode.invoke(compressing, encode.invoke(compressing, value))).isEqualTo(value);
      }
    }
  }

  @Test
  void jsonTranscoderIsTheOnlyOneThatNeedsJackson() throws Exception {
    try (URLClassLoader loader = moduleClassesOnly()) {
      assertThatThrownBy(() -> loader.loadClass(PACKAGE + "JsonTranscoder").getConstructors())
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("com/fasterxml/jackson");
    }
  }

  private static URLClassLoader moduleClassesOnly() {
    URL moduleClasses = SerdeTranscoder.class.getProtectionDomain().getCodeSource().getLocation();
    return new URLClassLoader(new URL[] {moduleClasses}, ClassLoader.getPlatformClassLoader());
  }
}
