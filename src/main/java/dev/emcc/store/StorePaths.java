package dev.emcc.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the workspace database lives by default: the user's data directory of each platform. */
final class StorePaths {
  static final String APP_DIR = "emcc-console";
  static final String FILE_NAME = "workspace.db";

  private StorePaths() {}

  static Path defaultPath() {
    return defaultPath(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
  }

  /**
   * Windows: %APPDATA%\emcc-console; macOS: ~/Library/Application Support/emcc-console; others
   * (XDG): $XDG_DATA_HOME/emcc-console, else ~/.local/share/emcc-console.
   */
  static Path defaultPath(String osName, Map<String, String> env, String userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    Path home = Path.of(userHome);
    Path dataDir;
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      dataDir = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
    } else if (os.startsWith("mac")) {
      dataDir = home.resolve("Library").resolve("Application Support");
    } else {
      String xdg = env.get("XDG_DATA_HOME");
      // The XDG spec: a relative path in $XDG_DATA_HOME is invalid and is ignored.
      dataDir = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
    }
    return dataDir.resolve(APP_DIR).resolve(FILE_NAME);
  }

  private static boolean isSet(String s) {
    return s != null && !s.isBlank();
  }
}
