package dev.larder.cli;

import dev.larder.protocol.LarderVersion;
import picocli.CommandLine;

/** {@code larder --version}: the same string the server's {@code version} command answers. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"larder " + LarderVersion.VERSION};
  }
}
