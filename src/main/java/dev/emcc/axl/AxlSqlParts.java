package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.model.EmccTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What AXL has no operation for, read with the mapping's SQL queries onto a cluster document: the
 * EMCC templates (device class 248) and the EMCC base devices (class 249). The default EMCC template
 * is not a column: the devices are made from it, so it is the one template whose device pool, common
 * device configuration and common phone profile every device carries. Whatever a query could not
 * read keeps the document's values.
 */
final class AxlSqlParts {
  /** Runs one query; null when the cluster refused it (said in {@code unread}). */
  interface Rows {
    List<Map<String, String>> of(String id, AxlRead.Part part, List<AxlRead.Unread> unread) throws AxlException;
  }

  private static final List<String> MADE_FROM = List.of("devicePool", "commonDeviceConfig", "commonPhoneProfile");

  private final Rows rows;
  private final List<AxlRead.Unread> unread;

  AxlSqlParts(Rows rows, List<AxlRead.Unread> unread) {
    this.rows = rows;
    this.unread = unread;
  }

  void read(ObjectNode doc) throws AxlException {
    List<Map<String, String>> templates = rows.of("emccTemplates", AxlRead.Part.EMCC_TEMPLATES, unread);
    if (templates != null) {
      doc.set("emccTemplates", templates(doc.get("emccTemplates"), templates));
    }
    List<Map<String, String>> devices = rows.of("emccDevices", AxlRead.Part.EMCC_DEVICES, unread);
    if (devices != null) {
      doc.set("emccDevices", devices(doc.get("emccDevices"), doc.get("emccTemplates"), devices));
    }
  }

  /** The templates as read, the document's own order first; what a row lacks keeps the document's value. */
  private static ArrayNode templates(JsonNode base, List<Map<String, String>> found) throws AxlException {
    AxlMapping.SqlQuery q = AxlMapping.get().query("emccTemplates");
    Map<String, JsonNode> before = new LinkedHashMap<>();
    base.forEach(t -> before.put(t.path("name").asText(), t));
    Map<String, JsonNode> read = new LinkedHashMap<>();
    for (Map<String, String> row : found) {
      String name = row.get("name");
      if (name == null || name.isBlank()) {
        continue;
      }
      ObjectNode t = before.containsKey(name) ? before.get(name).deepCopy() : Json.mapper().createObjectNode();
      for (Map.Entry<String, String> c : row.entrySet()) {
        t.put(c.getKey(), value(q, name, c.getKey(), c.getValue()));
      }
      try {
        read.put(name, Json.mapper().valueToTree(Json.mapper().treeToValue(t, EmccTemplate.class)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
        throw new AxlException(AxlException.Kind.VALUE, "EMCC template " + name + ": " + e.getMessage(), e);
      }
    }
    ArrayNode out = Json.mapper().createArrayNode();
    before.keySet().stream().filter(read::containsKey).forEach(n -> out.add(read.get(n)));
    read.forEach((n, t) -> {
      if (!before.containsKey(n)) {
        out.add(t);
      }
    });
    return out;
  }

  /** A column's text as the workspace holds it: "" is no value; an enumeration maps or is an error naming it. */
  private static String value(AxlMapping.SqlQuery q, String template, String key, String text) throws AxlException {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String table = q.enums().get(key);
    if (table == null) {
      return text;
    }
    String json = AxlMapping.get().enumBack(table).get(text);
    if (json == null) {
      throw new AxlException(AxlException.Kind.VALUE, "EMCC template " + template + ": " + key + " is \"" + text
          + "\", a value the console does not know (it knows " + String.join(", ",
          AxlMapping.get().enumOf(table).values()) + ")", null);
    }
    return json;
  }

  /** The devices' names (the document's order first) and the default template they were made from. */
  private ObjectNode devices(JsonNode base, JsonNode templates, List<Map<String, String>> found) {
    ObjectNode out = base.deepCopy();
    Set<String> read = new LinkedHashSet<>();
    found.forEach(r -> {
      if (r.get("name") != null && !r.get("name").isBlank()) {
        read.add(r.get("name"));
      }
    });
    List<String> names = new ArrayList<>();
    base.path("names").forEach(n -> {
      if (read.contains(n.asText())) {
        names.add(n.asText());
      }
    });
    read.stream().filter(n -> !names.contains(n)).forEach(names::add);
    ArrayNode array = out.putArray("names");
    names.forEach(array::add);
    if (!found.isEmpty()) {
      defaultTemplate(out, templates, found);
    }
    return out;
  }

  private void defaultTemplate(ObjectNode devices, JsonNode templates, List<Map<String, String>> found) {
    Set<List<String>> madeFrom = new LinkedHashSet<>();
    for (Map<String, String> r : found) {
      madeFrom.add(MADE_FROM.stream().map(k -> blankToNull(r.get(k))).toList());
    }
    String current = devices.path("defaultTemplate").isTextual() ? devices.get("defaultTemplate").asText() : null;
    if (madeFrom.size() > 1) {
      unread.add(new AxlRead.Unread(AxlRead.Part.DEFAULT_EMCC_TEMPLATE, "", Messages.get("axl.unread.devicesDiffer")));
      return;
    }
    List<String> settings = madeFrom.iterator().next();
    List<String> matching = new ArrayList<>();
    templates.forEach(t -> {
      if (MADE_FROM.stream().map(k -> t.path(k).isTextual() ? t.get(k).asText() : null).toList().equals(settings)) {
        matching.add(t.path("name").asText());
      }
    });
    if (matching.contains(current)) {
      return; // the workspace's default is one the devices could be made from
    }
    if (matching.size() == 1) {
      devices.put("defaultTemplate", matching.get(0));
      return;
    }
    unread.add(new AxlRead.Unread(AxlRead.Part.DEFAULT_EMCC_TEMPLATE, "", matching.isEmpty()
        ? Messages.format("axl.unread.noTemplateMatches", text(settings.get(0)), text(settings.get(1)),
            text(settings.get(2)))
        : Messages.format("axl.unread.severalTemplatesMatch", String.join(", ", matching))));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String text(String s) {
    return Objects.requireNonNullElse(s, "-");
  }
}
