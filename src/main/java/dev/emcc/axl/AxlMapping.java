package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one data file of what AXL needs beyond each field's element name ({@code axl-mapping.json}):
 * enumeration values both ways, the EMCC feature parameters' names (assumed, docs/axl.md), the
 * elements AXL requires on add that the workspace does not model, and the element order of
 * Cisco's types.
 */
public final class AxlMapping {
  private static final AxlMapping INSTANCE = load();

  private final Map<String, Map<String, String>> enums = new HashMap<>();
  private final Map<String, Map<String, String>> enumsBack = new HashMap<>();
  private final Map<String, Map<String, String>> flags = new HashMap<>();
  private final Map<String, String> featureParameters = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> onAdd = new HashMap<>();
  private final Map<String, Map<String, String>> perItem = new HashMap<>();
  private final Map<String, Map<String, Integer>> order = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> absent = new HashMap<>();
  private final Map<String, SqlQuery> queries = new LinkedHashMap<>();
  private ServiceParameters serviceParameters;

  /**
   * A query {@code executeSQLQuery} sends for what AXL has no operation for: its SQL, each answer
   * column's workspace key, and the columns whose values map through an enumeration table ({@link #enumOf}).
   */
  public record SqlQuery(String id, String sql, Map<String, String> columns, Map<String, String> enums) {}

  /**
   * The EM service parameters as {@code get/updateServiceParameter} names them: the service, each
   * workspace key's parameter name (assumed), booleans as written, and a list's separator.
   */
  public record ServiceParameters(String service, Map<String, String> names, Map<String, String> booleans,
      String listSeparator) {}

  private AxlMapping() {}

  public static AxlMapping get() {
    return INSTANCE;
  }

  private static AxlMapping load() {
    try (InputStream in = AxlMapping.class.getResourceAsStream("axl-mapping.json")) {
      if (in == null) {
        throw new IllegalStateException("axl-mapping.json is missing from the jar");
      }
      JsonNode root = Json.mapper().readTree(in);
      AxlMapping m = new AxlMapping();
      root.path("enums").fields().forEachRemaining(e -> {
        Map<String, String> there = new LinkedHashMap<>();
        Map<String, String> back = new HashMap<>();
        e.getValue().fields().forEachRemaining(v -> {
          there.put(v.getKey(), v.getValue().asText());
          back.put(v.getValue().asText(), v.getKey());
        });
        m.enums.put(e.getKey(), there);
        m.enumsBack.put(e.getKey(), back);
      });
      root.path("flags").fields().forEachRemaining(e -> m.flags.put(e.getKey(), strings(e.getValue())));
      m.featureParameters.putAll(strings(root.path("featureParameters")));
      root.path("sql").fields().forEachRemaining(e -> {
        if (e.getValue().isObject()) {
          m.queries.put(e.getKey(), new SqlQuery(e.getKey(), e.getValue().path("sql").asText(),
              strings(e.getValue().path("columns")), strings(e.getValue().path("enums"))));
        }
      });
      JsonNode sp = root.path("serviceParameters");
      m.serviceParameters = new ServiceParameters(sp.path("service").asText(), strings(sp.path("parameters")),
          strings(sp.path("booleans")), sp.path("listSeparator").asText());
      root.path("onAdd").fields().forEachRemaining(e -> m.onAdd.put(e.getKey(), strings(e.getValue())));
      root.path("perItem").fields().forEachRemaining(e -> m.perItem.put(e.getKey(), strings(e.getValue())));
      root.path("sequences").fields().forEachRemaining(e -> {
        Map<String, Integer> index = new HashMap<>();
        JsonNode seq = e.getValue().path("order");
        for (int i = 0; i < seq.size(); i++) {
          index.put(seq.get(i).asText(), i);
        }
        m.order.put(e.getKey(), index);
        Map<String, Set<String>> missing = new HashMap<>();
        for (String purpose : List.of("notInAdd", "notInUpdate", "notInList")) {
          Set<String> s = new java.util.HashSet<>();
          e.getValue().path(purpose).forEach(p -> s.add(p.asText()));
          missing.put(purpose, s);
        }
        m.absent.put(e.getKey(), missing);
      });
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("axl-mapping.json cannot be read", e);
    }
  }

  private static Map<String, String> strings(JsonNode o) {
    Map<String, String> m = new LinkedHashMap<>();
    o.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
    return m;
  }

  /** The AXL value of a JSON value of a field ({@code window.key}), or null when the field has no table. */
  public Map<String, String> enumOf(String fieldId) {
    return enums.get(fieldId);
  }

  public Map<String, String> enumBack(String fieldId) {
    return enumsBack.get(fieldId);
  }

  /** For a choice of several enum parts each sent as its own boolean element: part to element. */
  public Map<String, String> flagsOf(String fieldId) {
    return flags.get(fieldId);
  }

  /** JSON key of the EMCC feature configuration to its assumed AXL parameter name, in form order. */
  public Map<String, String> featureParameters() {
    return featureParameters;
  }

  /** The SQL query of a part ({@code emccTemplates}, {@code emccDevices}, {@code featureParameterNames}). */
  public SqlQuery query(String id) {
    SqlQuery q = queries.get(id);
    if (q == null) {
      throw new IllegalStateException("axl-mapping.json has no SQL query " + id);
    }
    return q;
  }

  /** Every SQL query the console sends (the node answers exactly these). */
  public java.util.Collection<SqlQuery> queries() {
    return queries.values();
  }

  public ServiceParameters serviceParameters() {
    return serviceParameters;
  }

  /** Elements AXL requires on add that the workspace does not model: element to value (with placeholders). */
  public Map<String, String> onAdd(AxlKind kind) {
    return onAdd.getOrDefault(kind.axlName(), Map.of());
  }

  /** Elements each entry of a list needs besides its value (placeholders {value}, {position}). */
  public Map<String, String> perItem(AxlKind kind) {
    return perItem.getOrDefault(kind.axlName(), Map.of());
  }

  /** The position of an element path in Cisco's type, for ordering; unknown paths last. */
  public int position(AxlKind kind, String path) {
    return order.get(kind.axlName()).getOrDefault(path, Integer.MAX_VALUE);
  }

  public boolean known(AxlKind kind, String path) {
    return order.get(kind.axlName()).containsKey(path);
  }

  /** Top-level elements the message type of a purpose lacks ({@code notInUpdate}, ...). */
  public Set<String> absentFrom(AxlKind kind, String purpose) {
    return absent.get(kind.axlName()).getOrDefault(purpose, Set.of());
  }
}
