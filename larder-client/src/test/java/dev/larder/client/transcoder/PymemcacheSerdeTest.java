package dev.larder.client.transcoder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java and Python share values: real pymemcache (Debian {@code python3-pymemcache}, for the system
 * {@code /usr/bin/python3}) encodes and decodes the same values as Larder's transcoders, through
 * {@code src/test/python/serde_vectors.py}; no server is involved. Each value goes through
 * pymemcache's default serde ("plain", against {@link SerdeTranscoder}) and its {@code
 * CompressedSerde} ("compressed", against {@link CompressingTranscoder}). Without Python or
 * pymemcache the test fails: it does not skip.
 */
class PymemcacheSerdeTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/serde_vectors.py");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  private static final Map<String, Transcoder<Object>> SERDES = Map.of(
      "plain", new SerdeTranscoder(),
      "compressed", new CompressingTranscoder<>(new SerdeTranscoder()));

  /** A value as Java holds it and as the script's JSON describes the Python value. */
  record Vector(String name, Object java, ObjectNode python) {}

  private static final List<Vector> VECTORS = List.of(
      text("ascii", "hello"),
      text("non-ascii", "h\u00e9llo w\u00f6rld \u2014 \u65e5\u672c\u8a9e \ud83d\ude00"),
      text("empty text", ""),
      text("400 bytes, not compressed", "x".repeat(400)),
      text("401 bytes, compressed", "x".repeat(401)),
      text("long text", "The quick brown fox jumps over the lazy dog. ".repeat(40)),
      bytes("bytes", new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xff}),
      bytes("empty bytes", new byte[0]),
      bytes("compressible bytes", "abc".repeat(400).getBytes(UTF_8)),
      bytes("incompressible bytes", randomBytes(600)),
      integer("int", 42),
      integer("negative int", -7),
      integer("int max", Integer.MAX_VALUE),
      integer("long", 1L << 40),
      integer("long min", Long.MIN_VALUE),
      integer("large int", BigInteger.TWO.pow(100)),
      integer("large negative int", BigInteger.TWO.pow(70).negate()));

  private static JsonNode reply;
  private static final Map<String, CachedData> JAVA_ENCODED = new HashMap<>();

  @BeforeAll
  static void runPymemcache() throws Exception {
    assertThat(PYTHON).as("the system Python with Debian's python3-pymemcache").isExecutable();
    assertThat(SCRIPT).as("run from the larder-client module directory").isRegularFile();

    ObjectNode request = NODES.objectNode();
    ArrayNode encode = request.putArray("encode");
    ArrayNode decode = request.putArray("decode");
    for (Vector vector : VECTORS) {
      for (Map.Entry<String, Transcoder<Object>> serde : SERDES.entrySet()) {
        String id = vector.name() + "/" + serde.getKey();
        encode.addObject().put("id", id).put("serde", serde.getKey()).set("value", vector.python());
        CachedData data = serde.getValue().encode(vector.java());
        JAVA_ENCODED.put(id, data);
        decode.add(encoded(id, serde.getKey(), data));
      }
    }
    encode.addObject().put("id", "pickled").put("serde", "plain")
        .set("value", NODES.objectNode().set("dict", NODES.objectNode().put("a", 1)));
    JAVA_ENCODED.put("json", new JsonTranscoder<>(JSON, Object.class).encode(Map.of("a", List.of(1, "b"))));
    JAVA_ENCODED.put("java", new JavaSerializationTranscoder().encode(new ArrayList<>(List.of(1))));
    decode.add(encoded("json", "plain", JAVA_ENCODED.get("json")));
    decode.add(encoded("java", "plain", JAVA_ENCODED.get("java")));

    reply = runScript(request);
    System.out.printf("pymemcache %s, CompressedSerde from %s%n",
        reply.get("pymemcache").asText(), reply.get("compressed_serde").asText());
  }

  @Test
  void javaReadsWhatPymemcacheWrote() {
    for (Vector vector : VECTORS) {
      for (Map.Entry<String, Transcoder<Object>> serde : SERDES.entrySet()) {
        String id = vector.name() + "/" + serde.getKey();
        CachedData python = pythonEncoded(id);

        assertThat(serde.getValue().decode(python)).as(id).isEqualTo(vector.java());
      }
    }
  }

  @Test
  void pymemcacheReadsWhatJavaWrote() {
    for (Vector vector : VECTORS) {
      for (String serde : SERDES.keySet()) {
        String id = vector.name() + "/" + serde;

        assertThat(reply.get("decoded").get(id)).as(id).isEqualTo(vector.python());
      }
    }
  }

  @Test
  void bothPickTheSameFlagsAndUncompressedBytes() {
    for (Vector vector : VECTORS) {
      for (String serde : SERDES.keySet()) {
        String id = vector.name() + "/" + serde;
        CachedData java = JAVA_ENCODED.get(id);
        CachedData python = pythonEncoded(id);

        if (vector.java() instanceof Long) {
          // Python 3 writes every int with FLAG_INTEGER; a Java Long keeps its type with FLAG_LONG.
          assertThat(python.flags() & ~Flags.COMPRESSED).as(id).isEqualTo(Flags.INTEGER);
          assertThat(java.flags() & ~Flags.COMPRESSED).as(id).isEqualTo(Flags.LONG);
        } else {
          assertThat(java.flags()).as(id).isEqualTo(python.flags());
        }
        if ((python.flags() & Flags.COMPRESSED) == 0) {
          assertThat(HEX.formatHex(java.bytes())).as(id).isEqualTo(HEX.formatHex(python.bytes()));
        }
      }
    }
    assertThat(pythonEncoded("400 bytes, not compressed/compressed").flags()).isEqualTo(Flags.TEXT);
    assertThat(pythonEncoded("401 bytes, compressed/compressed").flags())
        .isEqualTo(Flags.TEXT | Flags.COMPRESSED);
    assertThat(pythonEncoded("incompressible bytes/compressed").flags()).isEqualTo(Flags.BYTES);
  }

  @Test
  void javaRefusesPickledValuesWithAClearMessage() {
    CachedData pickled = pythonEncoded("pickled");

    assertThat(pickled.flags()).isEqualTo(Flags.PICKLE);
    assertThatThrownBy(() -> SERDES.get("plain").decode(pickled))
        .isInstanceOf(TranscodingException.class)
        .hasMessageContaining("a Python pickle");
  }

  @Test
  void pymemcacheGivesJavaOnlyFormatsToPythonAsRawBytes() {
    for (String id : List.of("json", "java")) {
      assertThat(reply.get("decoded").get(id).get("bytes").asText())
          .as(id)
          .isEqualTo(HEX.formatHex(JAVA_ENCODED.get(id).bytes()));
    }
  }

  private static CachedData pythonEncoded(String id) {
    JsonNode encoded = reply.get("encoded").get(id);
    assertThat(encoded).as("pymemcache's encoding of %s", id).isNotNull();
    return new CachedData(encoded.get("flags").asInt(), HEX.parseHex(encoded.get("hex").asText()));
  }

  private static ObjectNode encoded(String id, String serde, CachedData data) {
    return NODES.objectNode()
        .put("id", id)
        .put("serde", serde)
        .put("flags", data.flags())
        .put("hex", HEX.formatHex(data.bytes()));
  }

  private static JsonNode runScript(JsonNode request) throws Exception {
    Path stdout = Files.createTempFile("serde_vectors", ".stdout");
    Path stderr = Files.createTempFile("serde_vectors", ".stderr");
    try {
      Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString())
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(JSON.writeValueAsBytes(request));
      } catch (IOException e) {
        // The script quit before reading its input; its exit code and stderr below say why.
      }
      boolean finished = process.waitFor(60, TimeUnit.SECONDS);
      process.destroyForcibly();
      assertThat(finished).as("serde_vectors.py finished within 60 s").isTrue();
      assertThat(process.exitValue())
          .as("serde_vectors.py exit code; stderr:%n%s", Files.readString(stderr))
          .isZero();
      return JSON.readTree(stdout.toFile());
    } finally {
      Files.delete(stdout);
      Files.delete(stderr);
    }
  }

  private static Vector text(String name, String value) {
    return new Vector(name, value, NODES.objectNode().put("str", value));
  }

  private static Vector bytes(String name, byte[] value) {
    return new Vector(name, value, NODES.objectNode().put("bytes", HEX.formatHex(value)));
  }

  private static Vector integer(String name, Object value) {
    return new Vector(name, value, NODES.objectNode().put("int", value.toString()));
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
