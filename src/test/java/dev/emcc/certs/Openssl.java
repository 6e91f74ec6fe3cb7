package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code openssl} binary, run by the tests (.ci/run installs it where it is missing). */
public final class Openssl {
  private Openssl() {}

  /** Runs {@code openssl args...} in {@code dir}; a failure fails the test with openssl's own words. */
  public static void run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    } catch (IOException e) {
      throw new IOException("the tests need the openssl binary on the PATH (apt-get install openssl)", e);
    }
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("openssl " + String.join(" ", args) + " did not finish within 2 minutes");
    }
    assertThat(p.exitValue()).as("openssl %s: %s", String.join(" ", args),
        Files.readString(dir.resolve("openssl.log"))).isZero();
  }

  public static String pemKey(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
