package dev.emcc.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the workspace document of workspace-format.md, strictly. */
public final class WorkspaceFormat {
  private WorkspaceFormat() {}

  /**
   * Streamed from the file, not read into one array first: a large file's bytes would stay in
   * memory beside everything parsed from them (65 MB beside the workspace of issue 7). The bytes
   * are read only when a problem must be placed in them.
   */
  public static Workspace read(Path file) throws DocumentException, IOException {
    String source = file.toString();
    Document bytes = () -> Files.readAllBytes(file);
    try (InputStream in = Files.newInputStream(file); JsonParser p = Json.mapper().getFactory().createParser(in)) {
      checkFormatVersion(p, source, bytes);
    }
    try (InputStream in = Files.newInputStream(file); JsonParser p = Json.mapper().createParser(in)) {
      Workspace ws = Json.mapper().readValue(p, Workspace.class);
      if (ws == null) {
        throw new DocumentException(source, "$", 1, 1, Text.of("problem.emptyWorkspace"));
      }
      return ws;
    } catch (JsonProcessingException e) {
      throw Json.problem(source, bytes.get(), e);
    }
  }

  /** The document's bytes, fetched only to place a problem. */
  @FunctionalInterface
  private interface Document {
    byte[] get() throws IOException;
  }

  public static Workspace read(String json, String source) throws DocumentException {
    return read(json.getBytes(StandardCharsets.UTF_8), source);
  }

  public static Workspace read(byte[] json, String source) throws DocumentException {
    checkFormatVersion(json, source);
    try {
      Workspace ws = Json.mapper().readValue(json, Workspace.class);
      if (ws == null) {
        throw new DocumentException(source, "$", 1, 1, Text.of("problem.emptyWorkspace"));
      }
      return ws;
    } catch (JsonProcessingException e) {
      throw Json.problem(source, json, e);
    } catch (IOException e) {
      throw new DocumentException(source, "$", 0, 0, Text.of("problem.io", e.getMessage()));
    }
  }

  /** Reads one cluster document (the body of a node's {@code /api/v1/cluster}). */
  public static Cluster readCluster(byte[] json, String source) throws DocumentException {
    try {
      Cluster c = Json.mapper().readValue(json, Cluster.class);
      if (c == null) {
        throw new DocumentException(source, "$", 1, 1, Text.of("problem.emptyCluster"));
      }
      return c;
    } catch (JsonProcessingException e) {
      throw Json.problem(source, json, e);
    } catch (IOException e) {
      throw new DocumentException(source, "$", 0, 0, Text.of("problem.io", e.getMessage()));
    }
  }

  /**
   * Looks at the top-level {@code formatVersion} before anything else, so a document of a newer
   * format is refused as such rather than for the keys it adds.
   */
  private static void checkFormatVersion(byte[] json, String source) throws DocumentException {
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      checkFormatVersion(p, source, () -> json);
    } catch (IOException e) {
      throw new DocumentException(source, "$", 0, 0, Text.of("problem.io", e.getMessage()));
    }
  }

  private static void checkFormatVersion(JsonParser p, String source, Document json)
      throws DocumentException, IOException {
    try {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new DocumentException(source, "$", 1, 1, Text.of("problem.emptyWorkspace"));
      }
      if (first != JsonToken.START_OBJECT) {
        throw new DocumentException(source, "$", p.currentTokenLocation().getLineNr(),
            p.currentTokenLocation().getColumnNr(), Text.of("problem.notAWorkspace"));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if ("formatVersion".equals(key)) {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new DocumentException(source, "$.formatVersion", p.currentTokenLocation().getLineNr(),
                p.currentTokenLocation().getColumnNr(), Text.of("problem.wrongType", Text.of("kind.integer"), kind(value)));
          }
          int v = p.getIntValue();
          if (v != Workspace.FORMAT_VERSION) {
            throw new DocumentException(source, "$.formatVersion", p.currentTokenLocation().getLineNr(),
                p.currentTokenLocation().getColumnNr(),
                Text.of("problem.unsupportedVersion", v, Workspace.FORMAT_VERSION));
          }
          return;
        }
        p.skipChildren();
      }
      throw new DocumentException(source, "$.formatVersion", 1, 1, Text.of("problem.missingKey", "formatVersion"));
    } catch (JsonProcessingException e) {
      throw Json.problem(source, json.get(), e);
    }
  }

  private static Text kind(JsonToken token) {
    return Text.of(switch (token) {
      case VALUE_STRING -> "kind.string";
      case VALUE_NUMBER_FLOAT -> "kind.decimal";
      case VALUE_TRUE, VALUE_FALSE -> "kind.boolean";
      case VALUE_NULL -> "kind.null";
      case START_OBJECT -> "kind.object";
      case START_ARRAY -> "kind.array";
      default -> "kind.other";
    });
  }

  public static byte[] toBytes(Workspace ws) {
    try {
      return Json.mapper().writeValueAsBytes(ws);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize workspace", e);
    }
  }

  public static String toJson(Workspace ws) {
    return new String(toBytes(ws), StandardCharsets.UTF_8);
  }

  public static byte[] toBytes(Cluster c) {
    try {
      return Json.mapper().writeValueAsBytes(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize cluster", e);
    }
  }

  public static JsonNode toTree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  public static void write(Workspace ws, OutputStream out) throws IOException {
    Json.mapper().writeValue(out, ws);
  }

  /**
   * Writes to a temporary file beside the target, forces it to disk and moves it in place: never a
   * half-written file, even after a crash (owner-only, as an export holds a whole configuration).
   * Streams (a 40,000-phone workspace is 65 MB of JSON).
   */
  public static void write(Workspace ws, Path file) throws IOException {
    AtomicFiles.writeOwnerOnly(file,
        out -> Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, ws));
  }
}
