package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A workspace object (as its JSON tree) to its AXL element and back. Each field's element comes
 * from the schema ({@link Field#axl()}), everything else from {@link AxlMapping}; fields AXL does
 * not carry keep what the object had ({@code base}). A value without a counterpart is an
 * {@link AxlValueException} naming object, field and value, never a silent default.
 */
public final class AxlCodec {
  /** What a message is for: which of Cisco's types it must fit. */
  public enum Purpose { GET, LIST, ADD, UPDATE }

  private record Mapped(Field field, String fieldId, String[] jsonPath, String axl) {}

  private static final Map<AxlKind, List<Mapped>> MAPPED = new EnumMap<>(AxlKind.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static {
    for (AxlKind k : AxlKind.values()) {
      List<Mapped> list = new ArrayList<>();
      for (Field f : k.window().fields()) {
        String axl = f.external().axl();
        if (axl != null && f.kind() != FieldKind.PIN) {
          list.add(new Mapped(f, f.window() + "." + f.key(), f.key().split("\\."), axl));
        }
      }
      MAPPED.put(k, List.copyOf(list));
    }
  }

  private AxlCodec() {}

  /** The fields of a kind that travel over AXL (for plans and docs). */
  public static List<Field> fields(AxlKind kind) {
    return MAPPED.get(kind).stream().map(Mapped::field).toList();
  }

  /** CUCM's form of an object's uuid, stable for its kind and name. */
  public static String uuid(AxlKind kind, String name) {
    UUID u = UUID.nameUUIDFromBytes((kind.axlName() + "/" + name).getBytes(StandardCharsets.UTF_8));
    return "{" + u.toString().toUpperCase(java.util.Locale.ROOT) + "}";
  }

  /**
   * The element of an object for a purpose: {@code <phone>} for GET, LIST and ADD (LIST keeps only
   * {@code returnedTags}, null for all); for UPDATE the operation's own element ({@code
   * <updatePhone>}) with the identity first.
   */
  public static XmlTree encode(AxlKind kind, JsonNode object, Purpose purpose, Set<String> returnedTags)
      throws AxlValueException {
    AxlMapping map = AxlMapping.get();
    String name = object.path(kind.nameKey()).asText();
    XmlTree root = new XmlTree(purpose == Purpose.UPDATE ? kind.operation("update") : kind.element());
    for (Mapped m : MAPPED.get(kind)) {
      if (m.axl().equals(kind.identity()) && purpose == Purpose.UPDATE) {
        continue;
      }
      JsonNode v = at(object, m.jsonPath());
      encodeField(kind, name, m, v, root, purpose, map);
    }
    if (purpose == Purpose.ADD) {
      for (Map.Entry<String, String> e : map.onAdd(kind).entrySet()) {
        if (root.at(e.getKey()) == null) {
          root.add(e.getKey(), placeholders(e.getValue(), root, -1, null));
        }
      }
    }
    String absent = switch (purpose) {
      case ADD -> "notInAdd";
      case UPDATE -> "notInUpdate";
      case LIST -> "notInList";
      case GET -> null;
    };
    if (absent != null) {
      Set<String> drop = map.absentFrom(kind, absent);
      root.children().removeIf(c -> drop.contains(c.name()));
    }
    if (returnedTags != null) {
      root.children().removeIf(c -> !returnedTags.contains(c.name()));
    }
    sort(kind, root, "");
    if (purpose == Purpose.UPDATE) {
      root.children().add(0, XmlTree.text(kind.identity(), name));
    } else if (purpose == Purpose.GET || purpose == Purpose.LIST) {
      root.attribute("uuid", uuid(kind, name));
    }
    return root;
  }

  /** Adds one more element to an object's element, in Cisco's order (an element the schema's fields do not give). */
  public static void put(AxlKind kind, XmlTree element, String child, String value) {
    element.add(child, value);
    sort(kind, element, "");
  }

  private static void encodeField(AxlKind kind, String name, Mapped m, JsonNode v, XmlTree root, Purpose purpose,
      AxlMapping map) throws AxlValueException {
    Field f = m.field();
    String[] path = m.axl().split("/");
    switch (f.kind()) {
      case LIST, DUAL -> {
        Map<String, String> flags = map.flagsOf(m.fieldId());
        if (flags != null) {
          List<String> chosen = strings(v);
          for (Map.Entry<String, String> e : flags.entrySet()) {
            root.add(e.getValue(), Boolean.toString(chosen.contains(e.getKey())));
          }
          return;
        }
        XmlTree container = ensure(root, path[0]);
        int position = 0;
        for (String s : strings(v)) {
          position++;
          if (path.length == 2) {
            container.add(path[1], s);
          } else {
            XmlTree item = new XmlTree(path[1]).add(path[2], s);
            String prefix = path[0] + "/" + path[1] + "/";
            for (Map.Entry<String, String> e : map.perItem(kind).entrySet()) {
              if (e.getKey().startsWith(prefix)) {
                item.add(e.getKey().substring(prefix.length()), placeholders(e.getValue(), root, position, s));
              }
            }
            container.add(item);
          }
        }
      }
      case LINES -> {
        XmlTree container = ensure(root, path[0]);
        if (v != null && v.isArray()) {
          for (JsonNode line : v) {
            XmlTree item = new XmlTree(path[1]);
            for (Field c : f.columns()) {
              String s = scalar(kind, name, c, c.window() + "." + f.key() + "." + c.key(), line.get(c.key()), map);
              if (c.external().axl() != null && s != null) {
                put(item, c.external().axl(), s);
              }
            }
            container.add(item);
          }
        }
      }
      default -> {
        String s = scalar(kind, name, f, m.fieldId(), v, map);
        if (s == null && purpose == Purpose.UPDATE && (f.kind() == FieldKind.TEXT || f.kind() == FieldKind.REF)) {
          s = ""; // an update clears what the workspace leaves empty
        }
        if (s != null) {
          put(root, m.axl(), s);
        }
      }
    }
  }

  private static String scalar(AxlKind kind, String name, Field f, String fieldId, JsonNode v, AxlMapping map)
      throws AxlValueException {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    Map<String, String> values = map.enumOf(fieldId);
    if (values != null) {
      String axl = values.get(v.asText());
      if (axl == null) {
        throw new AxlValueException(kind.element() + " " + name + ": the value \"" + v.asText() + "\" of field "
            + f.key() + " has no AXL counterpart for <" + f.external().axl() + ">");
      }
      return axl;
    }
    return v.asText();
  }

  /**
   * The object read from an AXL element onto {@code base} (the object as the workspace holds it,
   * or a blank one with CUCM's defaults when null): fields AXL does not carry keep the base's values.
   */
  public static ObjectNode decode(AxlKind kind, XmlTree element, JsonNode base) throws AxlValueException {
    AxlMapping map = AxlMapping.get();
    ObjectNode out = base != null ? (ObjectNode) base.deepCopy()
        : (ObjectNode) Json.mapper().valueToTree(kind.binding().blank().get());
    String name = element.textAt(kind.identity());
    for (Mapped m : MAPPED.get(kind)) {
      Field f = m.field();
      String[] path = m.axl().split("/");
      switch (f.kind()) {
        case LIST, DUAL -> {
          Map<String, String> flags = map.flagsOf(m.fieldId());
          if (flags != null) {
            ArrayNode chosen = NODES.arrayNode();
            boolean any = false;
            for (String option : f.options()) {
              String flag = flags.get(option);
              if (flag == null) {
                if (strings(at(out, m.jsonPath())).contains(option)) {
                  chosen.add(option); // AXL has no element for it: kept
                }
              } else if (element.child(flag) != null) {
                any = true;
                if (bool(kind, name, f, flag, element.child(flag).text())) {
                  chosen.add(option);
                }
              }
            }
            if (any) {
              set(out, m.jsonPath(), chosen);
            }
            continue;
          }
          XmlTree container = element.child(path[0]);
          if (container == null) {
            continue;
          }
          ArrayNode values = NODES.arrayNode();
          for (XmlTree item : container.all(path[1])) {
            String s = path.length == 2 ? item.text() : item.textAt(path[2]);
            if (s != null && !s.isEmpty()) {
              values.add(s);
            }
          }
          set(out, m.jsonPath(), values);
        }
        case LINES -> {
          XmlTree container = element.child(path[0]);
          if (container == null) {
            continue;
          }
          ArrayNode lines = NODES.arrayNode();
          for (XmlTree item : container.all(path[1])) {
            ObjectNode line = NODES.objectNode();
            for (Field c : f.columns()) {
              if (c.external().axl() == null) {
                continue;
              }
              String s = item.textAt(c.external().axl());
              JsonNode value = read(kind, name, c, c.window() + "." + f.key() + "." + c.key(), s, map);
              line.set(c.key(), value);
            }
            lines.add(line);
          }
          set(out, m.jsonPath(), lines);
        }
        default -> {
          XmlTree t = element.at(m.axl());
          if (t != null) {
            set(out, m.jsonPath(), read(kind, name, f, m.fieldId(), t.text(), map));
          }
        }
      }
    }
    return canonical(kind, name, out);
  }

  /** The object as the model writes it (numbers as numbers, defaults filled): what the store keeps. */
  private static ObjectNode canonical(AxlKind kind, String name, ObjectNode out) throws AxlValueException {
    try {
      return Json.mapper().valueToTree(Json.mapper().treeToValue(out, kind.binding().type()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      throw new AxlValueException(kind.element() + " " + name + ": " + (e instanceof
          com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  private static JsonNode read(AxlKind kind, String name, Field f, String fieldId, String text, AxlMapping map)
      throws AxlValueException {
    if (text == null) {
      return NODES.nullNode();
    }
    Map<String, String> back = map.enumBack(fieldId);
    if (back != null) {
      String json = back.get(text);
      if (json == null) {
        if (text.isEmpty() && f.kind() != FieldKind.CHECK) {
          return NODES.nullNode();
        }
        throw new AxlValueException(kind.element() + " " + name + ": <" + f.external().axl() + "> is \"" + text
            + "\", a value the console does not know for " + f.key() + " (it knows "
            + String.join(", ", map.enumOf(fieldId).values()) + ")");
      }
      return f.kind() == FieldKind.CHECK ? NODES.booleanNode(Boolean.parseBoolean(json)) : NODES.textNode(json);
    }
    return switch (f.kind()) {
      case CHECK -> NODES.booleanNode(bool(kind, name, f, f.external().axl(), text));
      case INT -> {
        try {
          yield text.isEmpty() ? NODES.nullNode() : NODES.numberNode(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
          throw new AxlValueException(kind.element() + " " + name + ": <" + f.external().axl() + "> is \"" + text
              + "\", not a whole number (" + f.key() + ")");
        }
      }
      // a read-only column is a number the console counts (a line's index)
      case READ_ONLY -> text.matches("\\d{1,9}") ? NODES.numberNode(Integer.parseInt(text))
          : text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
      default -> text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
    };
  }

  /** AXL's boolean: true, false, t, f, 1, 0. */
  static boolean bool(AxlKind kind, String name, Field f, String element, String text) throws AxlValueException {
    return switch (text.trim()) {
      case "true", "t", "1" -> true;
      case "false", "f", "0" -> false;
      default -> throw new AxlValueException((kind == null ? "" : kind.element() + " " + name + ": ") + "<" + element
          + "> is \"" + text + "\", not true or false" + (f == null ? "" : " (" + f.key() + ")"));
    };
  }

  private static String placeholders(String template, XmlTree object, int position, String value) {
    if (!template.contains("{")) {
      return template;
    }
    String out = template;
    if (value != null) {
      out = out.replace("{value}", value);
    }
    out = out.replace("{position}", Integer.toString(position));
    String product = object.textAt("product");
    if (product != null) {
      out = out.replace("{productNumber}", product.replaceFirst("^Cisco ", ""));
    }
    for (XmlTree c : object.children()) {
      out = out.replace("{" + c.name() + "}", c.text());
    }
    return out;
  }

  private static XmlTree ensure(XmlTree root, String name) {
    XmlTree c = root.child(name);
    if (c == null) {
      c = new XmlTree(name);
      root.add(c);
    }
    return c;
  }

  private static void put(XmlTree root, String path, String value) {
    String[] parts = path.split("/");
    XmlTree t = root;
    for (int i = 0; i < parts.length - 1; i++) {
      t = ensure(t, parts[i]);
    }
    t.add(parts[parts.length - 1], value);
  }

  private static void sort(AxlKind kind, XmlTree t, String prefix) {
    AxlMapping map = AxlMapping.get();
    if (t.children().size() > 1) {
      t.children().sort(Comparator.comparingInt(c -> map.position(kind, prefix + c.name())));
    }
    for (XmlTree c : t.children()) {
      if (!c.children().isEmpty()) {
        sort(kind, c, prefix + c.name() + "/");
      }
    }
  }

  static JsonNode at(JsonNode object, String[] path) {
    JsonNode n = object;
    for (String p : path) {
      n = n == null ? null : n.get(p);
    }
    return n;
  }

  private static void set(ObjectNode object, String[] path, JsonNode value) {
    ObjectNode n = object;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode next = n.get(path[i]);
      n = next instanceof ObjectNode o ? o : n.putObject(path[i]);
    }
    n.set(path[path.length - 1], value);
  }

  private static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    }
    return out;
  }
}
