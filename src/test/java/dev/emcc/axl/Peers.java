package dev.emcc.axl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the peers (other people's clients and Cisco's AXL schema) are: ../shared/peers of a checkout. */
public final class Peers {
  private Peers() {}

  /** The peers folder: -Demcc.peers, $EMCC_PEERS, or shared/peers beside an ancestor of the working directory. */
  public static Path dir() {
    String given = System.getProperty("emcc.peers", System.getenv("EMCC_PEERS"));
    if (given != null) {
      return Path.of(given);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("peers");
      if (Files.isDirectory(candidate.resolve("ciscoaxl"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("the peers folder (shared/peers with ciscoaxl/) is not beside any parent of "
        + Path.of("").toAbsolutePath() + ": give it with -Demcc.peers=DIR or EMCC_PEERS");
  }

  /** Cisco's AXL 12.5 schema folder. */
  public static Path axlSchema() {
    return dir().resolve("ciscoaxl/ciscoaxl/schema/12.5");
  }
}
