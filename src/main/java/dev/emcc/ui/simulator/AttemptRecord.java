package dev.emcc.ui.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One line of the trainer's log: when (simulated clock), which action (login or logout), phone,
 * user, the result and the error code (null on success), and the faults that were injected.
 */
@JsonPropertyOrder({"time", "action", "phone", "user", "result", "code", "faults"})
public record AttemptRecord(String time, String action, String phone, String user, String result, Integer code,
    List<String> faults) {
  public AttemptRecord {
    faults = faults == null ? List.of() : List.copyOf(faults);
  }

  /** Writes the log as CSV (a ".csv" file) or as a JSON array (anything else). */
  public static void export(List<AttemptRecord> log, Path file) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      Files.writeString(file, csv(log), StandardCharsets.UTF_8);
    } else {
      Files.write(file, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(log));
    }
  }

  static String csv(List<AttemptRecord> log) {
    StringBuilder sb = new StringBuilder("time,action,phone,user,result,code,faults\r\n");
    for (AttemptRecord r : log) {
      sb.append(String.join(",", cell(r.time), cell(r.action), cell(r.phone), cell(r.user), cell(r.result),
          r.code == null ? "" : r.code.toString(), cell(String.join(" ", r.faults)))).append("\r\n");
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
