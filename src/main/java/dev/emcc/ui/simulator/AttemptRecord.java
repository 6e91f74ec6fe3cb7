package dev.emcc.ui.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.AtomicFiles;
import dev.emcc.format.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One line of the trainer's log: when (simulated clock), which action (login, logout or phoneWindowLogout), phone,
 * user, the result and the error code (null on success), the faults that were injected, and
 * whether the attempt ran in process or over the wire ({@link #LIVE}: HTTPS between live nodes).
 */
@JsonPropertyOrder({"time", "action", "phone", "user", "result", "code", "faults", "mode"})
public record AttemptRecord(String time, String action, String phone, String user, String result, Integer code,
    List<String> faults, String mode) {
  public static final String IN_PROCESS = "inProcess";
  public static final String LIVE = "live";

  public AttemptRecord {
    faults = faults == null ? List.of() : List.copyOf(faults);
    mode = mode == null ? IN_PROCESS : mode;
  }

  /** True when the attempt went over the wire. */
  public boolean live() {
    return LIVE.equals(mode);
  }

  /** Writes the log as CSV (a ".csv" file) or as a JSON array (anything else), owner-only like every export. */
  public static void export(List<AttemptRecord> log, Path file) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      AtomicFiles.writeOwnerOnly(file, csv(log).getBytes(StandardCharsets.UTF_8));
    } else {
      AtomicFiles.writeOwnerOnly(file, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(log));
    }
  }

  static String csv(List<AttemptRecord> log) {
    StringBuilder sb = new StringBuilder("time,action,phone,user,result,code,faults,mode\r\n");
    for (AttemptRecord r : log) {
      sb.append(String.join(",", cell(r.time), cell(r.action), cell(r.phone), cell(r.user), cell(r.result),
          r.code == null ? "" : r.code.toString(), cell(String.join(" ", r.faults)), cell(r.mode))).append("\r\n");
    }
    return sb.toString();
  }

  /** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    return s.matches("(?s).*[,\"\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
