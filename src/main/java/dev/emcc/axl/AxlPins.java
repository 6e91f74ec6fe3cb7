package dev.emcc.axl;

import dev.emcc.format.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AXL servers' certificates pinned on first use ({@code ~/.emcc/axl_hosts}: one "host:port
 * SHA-256" a line, owner-only): as for nodes, a certificate seen for the first time is confirmed
 * by its fingerprint and then pinned; a changed one is refused.
 */
public final class AxlPins {
  private final Path file;

  public AxlPins(Path file) {
    this.file = file;
  }

  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".emcc", "axl_hosts");
  }

  public Path file() {
    return file;
  }

  /** The pinned fingerprint (hex, upper case) of host:port. */
  public Optional<String> pinned(String host, int port) throws IOException {
    return Optional.ofNullable(read().get(key(host, port)));
  }

  public void pin(String host, int port, String fingerprint) throws IOException {
    Map<String, String> pins = read();
    pins.put(key(host, port), normalize(fingerprint));
    StringBuilder b = new StringBuilder("# AXL servers pinned by emcc axl: host:port SHA-256\n");
    pins.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.writeOwnerOnly(file, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A fingerprint as typed (AB:CD..., abcd..., with or without "SHA256:") in the pins' form. */
  public static String normalize(String typed) {
    String s = typed.trim();
    if (s.regionMatches(true, 0, "SHA256:", 0, 7)) {
      s = s.substring(7);
    }
    s = s.replace(":", "").toUpperCase(Locale.ROOT);
    if (!s.matches("[0-9A-F]{64}")) {
      throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits (pairs may be separated by ':'), not "
          + typed);
    }
    return s;
  }

  private Map<String, String> read() throws IOException {
    Map<String, String> pins = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return pins;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+");
      if (parts.length == 2) {
        pins.put(parts[0].toLowerCase(Locale.ROOT), parts[1]);
      }
    }
    return pins;
  }

  private static String key(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + ":" + port;
  }
}
