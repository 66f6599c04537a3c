package dev.larder.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.server.it.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's first command works in a fresh checkout: {@code ./larder} finds no jar, builds the
 * project by itself and runs. (It once failed there, because the launcher's build skipped compiling
 * tests while larder-client needs larder-server's test jar; every other test runs after a full
 * build has made the jar, so only a checkout without one shows it.)
 */
class FreshCheckoutIT {
  private static final Duration BUILD_LIMIT = Duration.ofMinutes(8);

  @Test
  void theLauncherBuildsAFreshCheckoutAndRuns() throws Exception {
    Path root = Path.of(System.getProperty("larder.launcher", "../larder")).toAbsolutePath().getParent();
    Path checkout = Files.createTempDirectory("larder-fresh-checkout-");
    try {
      copyTrackedFiles(root, checkout);
      assertThat(checkout.resolve("larder-cli/target")).doesNotExist();

      ExternalCommand.Result result = ExternalCommand.run(BUILD_LIMIT,
          List.of(checkout.resolve("larder").toString(), "--version"));

      assertThat(result.exitCode()).as("./larder --version in a fresh checkout; it printed:%n%s", result.output())
          .isZero();
      assertThat(result.stderr()).contains("larder: building");
      assertThat(result.stdout()).startsWith("larder 1.6.18+larder.");
      assertThat(checkout.resolve("larder-cli/target/larder.jar")).isRegularFile();
    } finally {
      deleteRecursively(checkout);
    }
  }

  /** What a clone would hold, plus files not yet committed: every file git does not ignore. */
  private static void copyTrackedFiles(Path root, Path target) throws IOException, InterruptedException {
    ExternalCommand.Result files = ExternalCommand.run(Duration.ofSeconds(30),
        List.of("/usr/bin/git", "-C", root.toString(), "ls-files", "--cached", "--others", "--exclude-standard"));
    assertThat(files.exitCode()).as("git ls-files: %s", files.stderr()).isZero();
    for (String file : files.stdout().split("\n")) {
      Path source = root.resolve(file);
      if (file.isEmpty() || !Files.isRegularFile(source)) {
        continue; // a file deleted but not yet committed
      }
      Path copy = target.resolve(file);
      Files.createDirectories(copy.getParent());
      Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
