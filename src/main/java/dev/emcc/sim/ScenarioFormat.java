package dev.emcc.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a simulator scenario document strictly ({@code Json.mapper()}): unknown keys, wrong types
 * and a workspace of another format version are errors with JSON path, line and column.
 */
public final class ScenarioFormat {
  private ScenarioFormat() {}

  public static Scenario read(Path file) throws DocumentException, IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  public static Scenario read(byte[] json, String source) throws DocumentException {
    Scenario s;
    try {
      s = Json.mapper().readValue(json, Scenario.class);
    } catch (JsonProcessingException e) {
      throw Json.problem(source, e);
    } catch (IOException e) {
      throw new DocumentException(source, "$", 0, 0, e.getMessage());
    }
    if (s == null) {
      throw new DocumentException(source, "$", 1, 1, "empty document: expected a scenario object");
    }
    if (s.workspace() == null) {
      throw at(json, source, "$.workspace", "missing key \"workspace\"");
    }
    if (s.workspace().formatVersion() != Workspace.FORMAT_VERSION) {
      throw at(json, source, "$.workspace.formatVersion", s.workspace().formatVersion() == 0
          ? "missing key \"formatVersion\""
          : "unsupported formatVersion " + s.workspace().formatVersion() + ": this console reads version "
              + Workspace.FORMAT_VERSION);
    }
    if (s.attempt() == null) {
      throw at(json, source, "$.attempt", "missing key \"attempt\"");
    }
    EmApiRequest api = s.attempt().emApi();
    if (api != null && api.queryType() != null
        && EmApiRequest.QUERIES.stream().anyMatch(q -> q.equalsIgnoreCase(api.queryType()))) {
      throw at(json, source, "$.attempt.emApi.queryType", api.queryType() + " is a valid EM API query, which the "
          + "simulator does not run: queryType stages a query type the EMService does not know (8)");
    }
    for (int i = 0; i < s.conditions().faults().size(); i++) {
      Conditions.Fault f = s.conditions().faults().get(i);
      if (f.cluster() == null || f.fault() == null) {
        throw at(json, source, "$.conditions.faults[" + i + "]", "a fault needs \"cluster\" and \"fault\"");
      }
    }
    if (s.conditions().concurrentRequests() < 0) {
      throw at(json, source, "$.conditions.concurrentRequests", "must not be negative");
    }
    return s;
  }

  /** A problem found after reading, placed in the document's text. */
  public static DocumentException at(byte[] json, String source, String path, String problem) {
    int[] pos = JsonLocator.locate(json, path);
    return new DocumentException(source, path, pos[0], pos[1], problem);
  }

  public static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
