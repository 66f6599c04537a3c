package dev.larder.bench.simulator;

import dev.larder.bench.ValueSizes;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * Real cache traces as request streams. A trace is an xz-compressed sequence of big-endian 32-bit key
 * numbers, one per request (the format of the cache2k traces in the Caffeine simulator). Traces carry
 * no sizes, so values get sizes from their key number, and every request counts (no warm-up): a
 * trace is replayed whole, as benchmark W6 does.
 *
 * <p>One small trace ships in this module: {@value #BUNDLED}, HTTP requests for a product detail page
 * (95,607 requests, 13,756 keys), from the cache2k project's traces by headissue GmbH, Jens Wilke,
 * under CC BY 4.0 (see {@code LICENSE-cache2k-traces.txt} beside it).
 */
public final class Traces {
  /** The file name of the trace that ships with the simulator. */
  public static final String BUNDLED = "web12.trace.xz";
  private static final String SUFFIX = ".trace.xz";

  private Traces() {}

  /** The trace that ships with the simulator. */
  public static RequestStream bundled(ValueSizes valueSizes) {
    try (InputStream in = Traces.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the bundled trace " + BUNDLED + " is missing from the class path");
      }
      return new RequestStream(nameOf(BUNDLED), read(in), valueSizes, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trace in {@code file}. */
  public static RequestStream read(Path file, ValueSizes valueSizes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new RequestStream(nameOf(file.getFileName().toString()), read(in), valueSizes, 0);
    }
  }

  /** Every {@code *.trace.xz} file in {@code directory}, by name. */
  public static List<RequestStream> readAll(Path directory, ValueSizes valueSizes) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
    List<RequestStream> traces = new ArrayList<>();
    for (Path file : files) {
      traces.add(read(file, valueSizes));
    }
    return traces;
  }

  /** The key numbers of an xz-compressed trace. */
  static int[] read(InputStream compressed) throws IOException {
    int[] keys = new int[1 << 16];
    int count = 0;
    DataInputStream data = new DataInputStream(new BufferedInputStream(new XZInputStream(compressed)));
    while (true) {
      int key;
      try {
        key = data.readInt();
      } catch (EOFException end) {
        return Arrays.copyOf(keys, count);
      }
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, 2 * count);
      }
      keys[count++] = key;
    }
  }

  private static String nameOf(String fileName) {
    return fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
  }
}
