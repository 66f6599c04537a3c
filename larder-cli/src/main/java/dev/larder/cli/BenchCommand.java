package dev.larder.cli;

import dev.larder.bench.Bench;
import dev.larder.bench.BenchConfig;
import dev.larder.bench.BenchException;
import dev.larder.bench.BenchReport;
import dev.larder.bench.DurationText;
import dev.larder.bench.KeyPattern;
import dev.larder.bench.Protocol;
import dev.larder.bench.Ratio;
import dev.larder.bench.ValueSizes;
import dev.larder.client.routing.Node;
import dev.larder.client.routing.Nodes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larder bench}: load on any memcached-protocol server, with a latency report. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Sends gets and sets to memcached-protocol servers and reports throughput, hit ratio and "
            + "latency percentiles (microseconds, HdrHistogram). Progress goes to stderr once a "
            + "second, the report to stdout.",
        "Key k (named key:<k>) lives on server k %% (number of servers); each connection talks to "
            + "one server and draws keys from that server's share."})
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-s", "--servers"}, paramLabel = "HOST:PORT,...", required = true,
      description = "The servers, comma-separated; the port defaults to 11211.")
  String servers;

  @Option(names = {"-t", "--threads"}, paramLabel = "N",
      description = "Event-loop threads (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = {"-c", "--connections"}, paramLabel = "N",
      description = "Connections to EACH server, in total over all threads (memtier's -c is per "
          + "thread; this is not). Default: ${DEFAULT-VALUE}.")
  int connections = 16;

  @Option(names = "--pipeline", paramLabel = "N",
      description = "Requests in flight per connection (default: ${DEFAULT-VALUE}: no pipelining).")
  int pipeline = 1;

  @Option(names = "--ratio", paramLabel = "GETS:SETS",
      description = "The get:set mix, exact over every cycle of GETS+SETS requests "
          + "(default: ${DEFAULT-VALUE}).")
  String ratio = "9:1";

  @Option(names = "--keys", paramLabel = "N",
      description = "Key space: key:0 .. key:N-1 (default: ${DEFAULT-VALUE}).")
  long keys = 100_000;

  @Option(names = "--key-pattern", paramLabel = "uniform|zipf",
      description = "How keys are drawn; with zipf, the lowest key of each server's share is the "
          + "most popular (default: ${DEFAULT-VALUE}).")
  KeyPattern keyPattern = KeyPattern.UNIFORM;

  @Option(names = "--zipf-alpha", paramLabel = "A",
      description = "Zipf exponent (default: ${DEFAULT-VALUE}).")
  double zipfAlpha = 0.99;

  @Option(names = "--value-size", paramLabel = "N|MIN-MAX",
      description = "Value bytes, fixed or a range; in a range each key always has the same size "
          + "(default: ${DEFAULT-VALUE}).")
  String valueSize = "100";

  @CommandLine.ArgGroup(exclusive = true)
  Length length = new Length();

  static final class Length {
    @Option(names = "--duration", paramLabel = "TIME",
        description = "How long to measure: 500ms, 10s, 2m (default: 10s).")
    String duration = "10s";

    @Option(names = "--requests", paramLabel = "N",
        description = "Measure N requests in all instead.")
    long requests;
  }

  @Option(names = "--unmeasured-start", paramLabel = "TIME",
      description = "Run the load for TIME before measuring and leave the requests intended in that "
          + "time out of the report, so that the bench's own JIT start-up is not measured; later "
          + "requests count in full, however late the start made them (default: ${DEFAULT-VALUE}).")
  String unmeasuredStart = "0s";

  @Option(names = "--rate", paramLabel = "OPS",
      description = "Fixed arrival rate in requests/s over all connections; latency counts from each "
          + "request's intended send time, so queueing behind a slow server is measured (default: "
          + "as fast as replies come).")
  double rate;

  @Option(names = "--protocol", paramLabel = "text|meta|binary",
      description = "text: get/set; meta: mg <key> v / ms <key> <len>; binary: GET/SET (default: "
          + "${DEFAULT-VALUE}).")
  Protocol protocol = Protocol.TEXT;

  @Option(names = "--multiget", paramLabel = "N",
      description = "Keys per get: text get k1..kN, or N quiet mg ended by mn (binary: GETKQ ended by "
          + "NOOP); one op, N lookups "
          + "(default: ${DEFAULT-VALUE}).")
  int multiget = 1;

  @Option(names = {"--prefill", "--warmup"},
      description = "Set every key once before measuring, so that gets can hit.")
  boolean prefill;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the key draws (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
  Path json;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines; only the report.")
  boolean quiet;

  @Override
  public Integer call() throws InterruptedException, IOException {
    BenchConfig config = toConfig();
    BenchReport report;
    try {
      PrintStream progress = quiet ? null : new PrintStream(System.err, true, StandardCharsets.UTF_8);
      report = Bench.run(config, progress);
    } catch (BenchException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("larder bench: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.toText());
    out.flush();
    if (json != null) {
      Files.writeString(json, report.toJson());
    }
    return 0;
  }

  BenchConfig toConfig() {
    try {
      return new BenchConfig(addresses(), threads, connections, pipeline, Ratio.parse(ratio), keys,
          keyPattern, zipfAlpha, ValueSizes.parse(valueSize), DurationText.parse(length.duration),
          DurationText.parse(unmeasuredStart), length.requests, rate, protocol, multiget, prefill, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
  }

  private List<InetSocketAddress> addresses() {
    List<Node> nodes;
    try {
      nodes = Nodes.parse(servers);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--servers: " + e.getMessage());
    }
    return nodes.stream().map(node -> new InetSocketAddress(node.host(), node.port())).toList();
  }
}
