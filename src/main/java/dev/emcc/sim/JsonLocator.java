package dev.emcc.sim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.emcc.format.Json;
import java.io.IOException;

/**
 * Finds where a JSON path ({@code $.a.b[2].c}) sits in a document's text, so errors found after
 * reading can still name a line and column. Returns the location of the value, or of the
 * deepest existing parent when the path is missing.
 */
final class JsonLocator {
  private JsonLocator() {}

  static int[] locate(byte[] json, String path) {
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      JsonToken t = p.nextToken();
      JsonLocation best = p.currentTokenLocation();
      String[] parts = path.replace("[", ".[").replaceFirst("^\\$\\.?", "").split("\\.");
      for (String part : parts) {
        if (part.isEmpty()) {
          continue;
        }
        boolean found = false;
        if (part.startsWith("[") && t == JsonToken.START_ARRAY) {
          int want = Integer.parseInt(part.substring(1, part.length() - 1));
          for (int i = 0; (t = p.nextToken()) != JsonToken.END_ARRAY && t != null; i++) {
            if (i == want) {
              found = true;
              break;
            }
            p.skipChildren();
          }
        } else if (t == JsonToken.START_OBJECT) {
          while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (name.equals(part)) {
              found = true;
              break;
            }
            p.skipChildren();
          }
        }
        if (!found) {
          break;
        }
        best = p.currentTokenLocation();
      }
      return new int[] {Math.max(best.getLineNr(), 0), Math.max(best.getColumnNr(), 0)};
    } catch (IOException | RuntimeException e) {
      return new int[] {0, 0};
    }
  }
}
