package dev.emcc.sim;

import dev.emcc.format.DocumentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The teaching scenarios shipped with the console ({@code scenarios/*.json} beside this class,
 * listed in {@code scenarios/index.txt}). Each is a full scenario document, workspace included, so
 * it can be copied out and run as a file.
 */
public final class ScenarioCatalog {
  private static final String DIR = "scenarios/";

  private ScenarioCatalog() {}

  /** The names (file names without .json) in catalog order. */
  public static List<String> names() {
    try (InputStream in = ScenarioCatalog.class.getResourceAsStream(DIR + "index.txt")) {
      if (in == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document of a scenario, empty when the catalog has no such name. */
  public static Optional<byte[]> bytes(String name) {
    if (!names().contains(name)) {
      return Optional.empty();
    }
    try (InputStream in = ScenarioCatalog.class.getResourceAsStream(DIR + name + ".json")) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario of a name (read strictly, like a file). */
  public static Optional<Scenario> scenario(String name) throws DocumentException {
    Optional<byte[]> b = bytes(name);
    return b.isEmpty() ? Optional.empty() : Optional.of(ScenarioFormat.read(b.get(), source(name)));
  }

  static String source(String name) {
    return "scenario " + name;
  }
}
