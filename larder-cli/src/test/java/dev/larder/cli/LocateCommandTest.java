package dev.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocateCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Larder.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * Owners recorded from pylibmc (ketama_weighted, modula) and pymemcache (rendezvous) by
   * larder-client's make_vectors.py for the list 127.0.0.1,127.0.0.2 and its first keys.
   */
  @Test
  void printsEachKeyWithTheServerTheReferenceClientsChose() {
    assertThat(run("locate", "--servers", "127.0.0.1,127.0.0.2", "0", "user:1", "session/2").out())
        .isEqualTo("0 127.0.0.1:11211\nuser:1 127.0.0.1:11211\nsession/2 127.0.0.2:11211\n");
  }

  @Test
  void everyDistributionNamesOneOfTheServers() {
    for (String distribution : new String[] {"ketama", "rendezvous", "modula"}) {
      Run run = run("locate", "-s", "a:1,b:2,c:3", "-d", distribution, "k1", "k2", "k3");
      assertThat(run.exit()).isZero();
      assertThat(run.out().lines()).hasSize(3)
          .allMatch(line -> line.matches("k\\d (a:1|b:2|c:3)"));
    }
  }

  @Test
  void badServersOrDistributionAreOneLineErrors() {
    Run badServer = run("locate", "--servers", "a:b", "k");
    assertThat(badServer.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badServer.err().lines()).singleElement().asString().contains("--servers: server: 'a:b'");
    Run badDistribution = run("locate", "-s", "a:1", "-d", "maglev", "k");
    assertThat(badDistribution.err().lines()).singleElement().asString()
        .contains("--distribution: 'maglev' (expected: ketama|rendezvous|modula)");
  }
}
