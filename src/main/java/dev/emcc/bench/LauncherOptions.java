package dev.emcc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed launcher's JVM options (dev/emcc/app/launcher-jvm-options.txt, which
 * installer/build.sh passes to jpackage): the console's child JVMs start with the same ones, so
 * that the bench measures the console as it is installed.
 */
final class LauncherOptions {
  static final String RESOURCE = "/dev/emcc/app/launcher-jvm-options.txt";

  private LauncherOptions() {}

  static List<String> read() {
    try (InputStream in = LauncherOptions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String option = line.strip();
        if (!option.isEmpty() && !option.startsWith("#")) {
          out.add(option);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
