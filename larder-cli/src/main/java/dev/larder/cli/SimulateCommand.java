package dev.larder.cli;

import dev.larder.bench.ValueSizes;
import dev.larder.bench.simulator.EvictionSimulator;
import dev.larder.bench.simulator.RequestStream;
import dev.larder.bench.simulator.SimulationResult;
import dev.larder.bench.simulator.Traces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larder simulate}: the eviction simulator, SegmentEngine against strict LRU, in-process. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Replays request streams in-process as a cache-aside client would (get; set on a miss) "
            + "through SegmentEngine (the server's engine) and through a strict LRU at the same "
            + "memory limit, and prints each miss ratio beside the compulsory one (a key's first "
            + "request, which no policy avoids).",
        "Streams: Zipf at each --alphas, counted after --warmup (defaults: benchmark W4); Zipf "
            + "0.99 with one-pass scans; and cache traces, replayed whole (benchmark W6): the "
            + "bundled web12 trace, or every *.trace.xz in --traces."})
final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-m", "--memory-limit"}, paramLabel = "MB", split = ",",
      description = "Memory limits to replay every stream at, comma-separated (default: 64).")
  List<Long> megabytes = List.of(64L);

  @Option(names = "--keys", paramLabel = "N", description = "Zipf key space (default: ${DEFAULT-VALUE}).")
  int keys = 1_000_000;

  @Option(names = "--requests", paramLabel = "N",
      description = "Requests per Zipf stream (default: ${DEFAULT-VALUE}).")
  int requests = 2_000_000;

  @Option(names = "--alphas", paramLabel = "A,...", split = ",",
      description = "Zipf exponents, one stream each (default: 0.6,0.8,0.99,1.2).")
  List<Double> alphas = List.of(0.6, 0.8, 0.99, 1.2);

  @Option(names = "--scans", paramLabel = "SHARE",
      description = "Share of the Zipf 0.99 stream replaced by one-pass scans; 0: no such stream "
          + "(default: ${DEFAULT-VALUE}).")
  double scanShare = 0.25;

  @Option(names = "--value-size", paramLabel = "MIN-MAX",
      description = "Value bytes of Zipf keys, by key (default: ${DEFAULT-VALUE}).")
  String valueSize = "50-500";

  @Option(names = "--warmup", paramLabel = "SHARE",
      description = "Share of each Zipf stream whose misses are not counted (default: ${DEFAULT-VALUE}).")
  double warmUp = 0.2;

  @Option(names = "--traces", paramLabel = "DIR",
      description = "Replay every *.trace.xz in DIR instead of the bundled trace, e.g. ../shared/traces.")
  Path traces;

  @Option(names = "--trace-value-size", paramLabel = "MIN-MAX",
      description = "Value bytes of trace keys, by key (default: ${DEFAULT-VALUE}).")
  String traceValueSize = "500-4000";

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the Zipf draws (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    out.println(SimulationResult.HEADER);
    out.flush();
    for (RequestStream stream : streams()) {
      for (long mb : megabytes) {
        out.println(EvictionSimulator.simulate(stream, mb * 1024 * 1024).toRow());
        out.flush();
      }
    }
    return 0;
  }

  /** The streams the options ask for, in the order they are replayed. */
  List<RequestStream> streams() throws IOException {
    ValueSizes zipfValues = checked("--", () -> ValueSizes.parse(valueSize));
    ValueSizes traceValues = checked("--trace-", () -> ValueSizes.parse(traceValueSize));
    return checked("--", () -> streams(zipfValues, traceValues));
  }

  private List<RequestStream> streams(ValueSizes zipfValues, ValueSizes traceValues) throws IOException {
    List<RequestStream> streams = new ArrayList<>();
    for (double alpha : alphas) {
      streams.add(RequestStream.zipf(keys, alpha, requests, zipfValues, warmUp, seed));
    }
    if (scanShare > 0) {
      streams.add(RequestStream.zipf(keys, 0.99, requests, zipfValues, warmUp, seed).withScans(scanShare));
    }
    if (traces == null) {
      streams.add(Traces.bundled(traceValues));
    } else {
      streams.addAll(Traces.readAll(traces, traceValues));
    }
    return streams;
  }

  /** A value built from the options; a bad one is a parameter error whose message starts with {@code prefix}. */
  private <T> T checked(String prefix, IoSupplier<T> build) throws IOException {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), prefix + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface IoSupplier<T> {
    T get() throws IOException;
  }
}
