package dev.emcc.app;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code demo} and {@code generate} share: refusing to overwrite, writing, the summary line. */
final class WorkspaceFiles {
  /** Help texts and output lines of demo and generate, English and Japanese. */
  static final String BUNDLE = "dev.emcc.demo.messages";

  private WorkspaceFiles() {}

  static void refuseOverwrite(Path out, boolean force) {
    if (!force && Files.exists(out)) {
      throw new BadInputException(text("out.exists", out));
    }
  }

  /** Writes atomically and returns the file's size. */
  static long write(Workspace ws, Path out) throws IOException {
    WorkspaceFormat.write(ws, out);
    return Files.size(out);
  }

  /** One line on stdout: what was written where; {@code millis} < 0 leaves the time out. */
  static void summary(CommandSpec spec, Workspace ws, Path out, long bytes, long millis) {
    long phones = ws.clusters().stream().mapToLong(c -> c.phones().size()).sum();
    long profiles = ws.clusters().stream().mapToLong(c -> c.deviceProfiles().size()).sum();
    long users = ws.clusters().stream().mapToLong(c -> c.endUsers().size()).sum();
    long emcc = ws.clusters().stream().mapToLong(c -> c.emccDevices().names().size()).sum();
    String ids = String.join(", ", ws.clusters().stream().map(Cluster::clusterId).limit(4).toList())
        + (ws.clusters().size() > 4 ? ", ..." : "");
    String line = text("written", out, ws.clusters().size(), ids, phones, profiles, users, emcc,
        String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_000_000.0));
    if (millis >= 0) {
      line += " " + text("written.time", String.format(java.util.Locale.ROOT, "%.2f", millis / 1000.0));
    }
    spec.commandLine().getOut().println(line);
    spec.commandLine().getOut().flush();
  }

  static String text(String key, Object... args) {
    MessageFormat f = new MessageFormat(ResourceBundle.getBundle(BUNDLE).getString(key));
    return f.format(args);
  }
}
