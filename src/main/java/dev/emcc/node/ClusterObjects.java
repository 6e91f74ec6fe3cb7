package dev.emcc.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrustStores;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cluster document seen as objects: each element of an array (keyed by its name, userId or
 * clusterId) and each single setting is one object with its own revision. Splitting and assembling
 * are exact inverses on canonical JSON (the model's own serialization), so a node and a console
 * compare objects with plain JSON equality.
 */
public final class ClusterObjects {
  /** The pseudo-collection of the cluster's single objects. */
  public static final String SETTINGS = "settings";
  /** The settings object holding version, securityMode and maxPhones. */
  public static final String CLUSTER_SETTINGS = "cluster";

  private record Spec(String idField, Class<?> type) {}

  private static final Map<String, Spec> ARRAYS = new LinkedHashMap<>();
  private static final Map<String, Class<?>> SINGLES = new LinkedHashMap<>();

  static {
    ARRAYS.put("nodes", new Spec("name", Node.class));
    ARRAYS.put("deviceModels", new Spec("name", DeviceModel.class));
    ARRAYS.put("phoneServices", new Spec("name", PhoneService.class));
    ARRAYS.put("deviceProfiles", new Spec("name", DeviceProfile.class));
    ARRAYS.put("endUsers", new Spec("userId", EndUser.class));
    ARRAYS.put("phones", new Spec("name", Phone.class));
    ARRAYS.put("commonDeviceConfigs", new Spec("name", CommonDeviceConfig.class));
    ARRAYS.put("emccTemplates", new Spec("name", EmccTemplate.class));
    ARRAYS.put("geolocations", new Spec("name", Geolocation.class));
    ARRAYS.put("geolocationFilters", new Spec("name", GeolocationFilter.class));
    ARRAYS.put("devicePools", new Spec("name", DevicePool.class));
    ARRAYS.put("sipTrunks", new Spec("name", SipTrunk.class));
    ARRAYS.put("remoteClusters", new Spec("clusterId", RemoteCluster.class));
    SINGLES.put(CLUSTER_SETTINGS, ClusterSettings.class);
    SINGLES.put("trustStores", TrustStores.class);
    SINGLES.put("emServiceParameters", EmServiceParameters.class);
    SINGLES.put("emccDevices", EmccDevices.class);
    SINGLES.put("emccFeatureConfig", EmccFeatureConfig.class);
    SINGLES.put("interclusterServiceProfile", InterclusterServiceProfile.class);
  }

  private ClusterObjects() {}

  /** The array keys of the cluster document, in document order. */
  public static Set<String> collections() {
    return Collections.unmodifiableSet(ARRAYS.keySet());
  }

  /** The names of the single objects (collection {@value #SETTINGS}). */
  public static Set<String> settings() {
    return Collections.unmodifiableSet(SINGLES.keySet());
  }

  /** True for {@code phones/x}, {@code settings/trustStores}; false for unknown collections. */
  public static boolean isKnown(ObjectKey key) {
    return ARRAYS.containsKey(key.collection())
        || (SETTINGS.equals(key.collection()) && SINGLES.containsKey(key.name()));
  }

  public static boolean isCollection(String collection) {
    return ARRAYS.containsKey(collection) || SETTINGS.equals(collection);
  }

  /** The JSON key that names an element of the collection ({@code name}, {@code userId} ...). */
  public static String idField(String collection) {
    Spec s = ARRAYS.get(collection);
    return s == null ? null : s.idField();
  }

  /** Splits a cluster into its objects, sorted by key. Duplicate names are bad input. */
  public static SortedMap<ObjectKey, JsonNode> split(Cluster cluster) {
    ObjectNode doc = Json.mapper().valueToTree(cluster);
    SortedMap<ObjectKey, JsonNode> out = new TreeMap<>();
    ObjectNode settings = Json.mapper().createObjectNode();
    settings.set("version", doc.get("version"));
    settings.set("securityMode", doc.get("securityMode"));
    settings.set("maxPhones", doc.get("maxPhones"));
    out.put(new ObjectKey(SETTINGS, CLUSTER_SETTINGS), settings);
    for (String single : SINGLES.keySet()) {
      if (!CLUSTER_SETTINGS.equals(single)) {
        out.put(new ObjectKey(SETTINGS, single), doc.get(single));
      }
    }
    for (Map.Entry<String, Spec> e : ARRAYS.entrySet()) {
      JsonNode array = doc.get(e.getKey());
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        JsonNode id = element.get(e.getValue().idField());
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
          throw new IllegalArgumentException("$." + e.getKey() + "[" + i + "]: missing "
              + e.getValue().idField());
        }
        ObjectKey key = new ObjectKey(e.getKey(), id.asText());
        if (out.put(key, element) != null) {
          throw new IllegalArgumentException("$." + e.getKey() + "[" + i + "]: duplicate "
              + e.getValue().idField() + " \"" + id.asText() + "\"");
        }
      }
    }
    return out;
  }

  /** Builds the cluster document (as JSON) from its objects; array elements in key order. */
  public static ObjectNode assembleTree(String clusterId, Map<ObjectKey, JsonNode> objects) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("clusterId", clusterId);
    JsonNode settings = objects.get(new ObjectKey(SETTINGS, CLUSTER_SETTINGS));
    if (settings != null) {
      Iterator<Map.Entry<String, JsonNode>> it = settings.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        doc.set(f.getKey(), f.getValue());
      }
    }
    for (String single : SINGLES.keySet()) {
      JsonNode v = objects.get(new ObjectKey(SETTINGS, single));
      if (v != null && !CLUSTER_SETTINGS.equals(single)) {
        doc.set(single, v);
      }
    }
    Map<String, ArrayNode> arrays = new LinkedHashMap<>();
    for (String c : ARRAYS.keySet()) {
      arrays.put(c, doc.putArray(c));
    }
    SortedMap<ObjectKey, JsonNode> sorted = objects instanceof SortedMap<ObjectKey, JsonNode> s
        ? s : new TreeMap<>(objects);
    for (Map.Entry<ObjectKey, JsonNode> e : sorted.entrySet()) {
      ArrayNode a = arrays.get(e.getKey().collection());
      if (a != null) {
        a.add(e.getValue());
      }
    }
    return doc;
  }

  /** The cluster of the given objects, read back through the model. */
  public static Cluster assemble(String clusterId, Map<ObjectKey, JsonNode> objects) {
    try {
      return Json.mapper().treeToValue(assembleTree(clusterId, objects), Cluster.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored objects do not form a cluster: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads one object strictly from a parser positioned before (or at) its first token and returns
   * its canonical JSON. Paths in errors start at {@code pathPrefix}.
   */
  /** One reader per type (readers are immutable): a full push reads tens of thousands of objects. */
  private static final Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static JsonNode read(ObjectKey key, JsonParser parser, String source, String pathPrefix)
      throws DocumentException {
    Class<?> type = typeOf(key);
    Object value;
    try {
      // the object may be one value inside a larger document: what follows it is not an error here
      value = READERS.computeIfAbsent(type, t -> Json.mapper().readerFor(t)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).readValue(parser);
    } catch (JsonProcessingException e) {
      DocumentException d = Json.problem(source, e);
      throw new DocumentException(source, pathPrefix + d.path().substring(1), d.line(), d.column(),
          d.problem());
    } catch (IOException e) {
      throw new DocumentException(source, pathPrefix, 0, 0, String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      // a compact constructor refusing a value (IllegalArgumentException and the like)
      throw new DocumentException(source, pathPrefix, 0, 0, String.valueOf(e.getMessage()));
    }
    if (value == null) {
      throw new DocumentException(source, pathPrefix, 0, 0, "expected an object, got null");
    }
    FormLimits.check(key, value, source, pathPrefix);
    JsonNode canonical = Json.mapper().valueToTree(value);
    String idField = idField(key.collection());
    if (idField != null) {
      JsonNode id = canonical.get(idField);
      if (id == null || !key.name().equals(id.asText(null))) {
        throw new DocumentException(source, pathPrefix + "." + idField, 0, 0,
            "the object's " + idField + " must be \"" + key.name() + "\", as in its address");
      }
    }
    return canonical;
  }

  /** Reads one object from bytes (a request body or a file). */
  public static JsonNode read(ObjectKey key, byte[] json, String source) throws DocumentException {
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      JsonNode value = read(key, p, source, "$");
      if (p.nextToken() != null) {
        throw new DocumentException(source, "$", p.currentLocation().getLineNr(),
            p.currentLocation().getColumnNr(), "trailing content after the object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw Json.problem(source, e);
    } catch (IOException e) {
      throw new DocumentException(source, "$", 0, 0, String.valueOf(e.getMessage()));
    }
  }

  private static Class<?> typeOf(ObjectKey key) {
    if (SETTINGS.equals(key.collection())) {
      Class<?> t = SINGLES.get(key.name());
      if (t == null) {
        throw new IllegalArgumentException("unknown setting " + key.name());
      }
      return t;
    }
    Spec s = ARRAYS.get(key.collection());
    if (s == null) {
      throw new IllegalArgumentException("unknown collection " + key.collection());
    }
    return s.type();
  }
}
