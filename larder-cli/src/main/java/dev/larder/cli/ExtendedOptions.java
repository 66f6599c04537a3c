package dev.larder.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * memcached's {@code -o key=value[,key=value]} options. Larder acts on {@code idle_timeout}; tuning
 * options that only make sense for memcached's slab allocator are accepted with a warning, so that a
 * memcached command line works unchanged; anything else is refused.
 */
final class ExtendedOptions {
  private static final Logger log = LoggerFactory.getLogger(ExtendedOptions.class);

  /** memcached options without meaning for Larder's engine. */
  private static final Set<String> NOT_APPLICABLE = Set.of(
      "modern", "hashpower", "slab_reassign", "slab_automove", "slab_chunk_max", "lru_crawler",
      "lru_maintainer", "no_lru_crawler", "no_lru_maintainer", "maxconns_fast", "no_maxconns_fast",
      "tail_repair_time", "hash_algorithm", "temporary_ttl", "watcher_logbuf_size",
      "worker_logbuf_size", "no_modern", "no_slab_reassign", "no_slab_automove");

  private Duration idleTimeout = Duration.ZERO;

  static ExtendedOptions parse(CommandLine cmd, List<String> options) {
    ExtendedOptions parsed = new ExtendedOptions();
    for (String group : options) {
      for (String option : group.split(",")) {
        parsed.apply(cmd, option.trim());
      }
    }
    return parsed;
  }

  Duration idleTimeout() {
    return idleTimeout;
  }

  private void apply(CommandLine cmd, String option) {
    int eq = option.indexOf('=');
    String key = eq < 0 ? option : option.substring(0, eq);
    String value = eq < 0 ? "" : option.substring(eq + 1);
    if (key.equals("idle_timeout")) {
      idleTimeout = Duration.ofSeconds(parseSeconds(cmd, key, value));
    } else if (NOT_APPLICABLE.contains(key)) {
      log.warn("-o {}: ignored (a memcached slab/LRU setting with no meaning for Larder)", key);
    } else if (!key.isEmpty()) {
      throw new CommandLine.ParameterException(cmd, "-o " + option + ": unknown extended option");
    }
  }

  private static long parseSeconds(CommandLine cmd, String key, String value) {
    try {
      long seconds = Long.parseLong(value);
      if (seconds >= 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(
        cmd, "-o " + key + "=" + value + ": expected a number of seconds >= 0");
  }
}
