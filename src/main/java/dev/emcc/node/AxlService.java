package dev.emcc.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.axl.AxlCodec;
import dev.emcc.axl.AxlFault;
import dev.emcc.axl.AxlKind;
import dev.emcc.axl.AxlMapping;
import dev.emcc.axl.AxlSql;
import dev.emcc.axl.AxlSettings;
import dev.emcc.axl.AxlValueException;
import dev.emcc.axl.AxlVersion;
import dev.emcc.axl.PhoneSecurityProfiles;
import dev.emcc.axl.XmlTree;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The node's AXL service over its own store: the operations the workspace's objects need, shaped
 * as Cisco's AXL schema says (docs/axl.md lists them). Each write is one change of the store, so
 * a sync client sees AXL's writes as it sees any other. Failures are {@link AxlFault}s.
 */
public final class AxlService {
  /** Lists whose answer would be larger than this are refused, as CUCM refuses them: 8 MB. */
  public static final int DEFAULT_MAX_LIST_BYTES = 8 * 1024 * 1024;

  private final ClusterState state;
  private final EmService emService;
  private volatile int maxListBytes;

  public AxlService(ClusterState state, EmService emService, int maxListBytes) {
    this.state = state;
    this.emService = emService;
    this.maxListBytes = maxListBytes;
  }

  /** The size over which a list answer is refused ("Query request too large"): ask in smaller pages. */
  public void maxListBytes(int bytes) {
    this.maxListBytes = bytes;
  }

  /** True for the operations that change the store (the throttle counts these). */
  public static boolean isWrite(String operation) {
    return operation.startsWith("add") || operation.startsWith("update") || operation.startsWith("remove")
        || operation.startsWith("do");
  }

  /** Answers one operation element with its response element ({@code <getPhoneResponse>}). */
  public XmlTree handle(AxlVersion version, XmlTree op) throws AxlFault {
    String name = op.name();
    XmlTree response = new XmlTree(name + "Response");
    if (op.attribute("sequence") != null) {
      response.attribute("sequence", op.attribute("sequence"));
    }
    if (name.equals("getCCMVersion")) {
      XmlTree v = new XmlTree("componentVersion").add("version", version());
      return response.add(new XmlTree("return").add(v));
    }
    if (state.clusterId() == null) {
      throw new AxlFault(AxlFault.NOT_FOUND, "this node holds no cluster yet", name);
    }
    try {
      switch (name) {
        case "getEmccFeatureConfig" -> {
          return response.add(new XmlTree("return").add(getFeature(op)));
        }
        case "updateEmccFeatureConfig" -> {
          updateFeature(op);
          return response.add("return", "true");
        }
        case "getInterClusterServiceProfile" -> {
          return response.add(new XmlTree("return").add(getProfile(op)));
        }
        case "updateInterClusterServiceProfile" -> {
          updateProfile(op);
          return response.add("return", "true");
        }
        case "doUpdateRemoteCluster" -> {
          return response.add("value", updateRemote(op));
        }
        case "getPhoneSecurityProfile" -> {
          return response.add(new XmlTree("return").add(securityProfile(op)));
        }
        case "listPhoneSecurityProfile" -> {
          return response.add(securityProfiles(op));
        }
        case "executeSQLQuery" -> {
          return response.add(sql(op));
        }
        case "getServiceParameter" -> {
          return response.add(new XmlTree("return").add(getServiceParameter(op)));
        }
        case "updateServiceParameter" -> {
          updateServiceParameter(op);
          return response.add("return", uuidOf("ServiceParameter", op.textAt("name")));
        }
        case "doDeviceLogin" -> {
          return response.add("return", deviceLogin(op));
        }
        case "doDeviceLogout" -> {
          return response.add("return", deviceLogout(op));
        }
        default -> { }
      }
      for (String verb : List.of("list", "get", "add", "update", "remove")) {
        if (name.startsWith(verb)) {
          Optional<AxlKind> kind = AxlKind.ofAxlName(name.substring(verb.length()));
          if (kind.isPresent()) {
            return object(verb, kind.get(), op, response);
          }
        }
      }
    } catch (AxlValueException e) {
      throw new AxlFault(AxlFault.INVALID_VALUE, e.getMessage(), name);
    }
    throw new AxlFault(AxlFault.UNKNOWN_REQUEST, "the request " + name + " is not one this node answers", name);
  }

  private String version() {
    return state.get(new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS))
        .map(o -> o.value().path("version").asText("")).orElse("");
  }

  // ---- the workspace's named objects ----

  private XmlTree object(String verb, AxlKind kind, XmlTree op, XmlTree response) throws AxlFault, AxlValueException {
    String request = op.name();
    if (!kind.writable() && !verb.equals("list") && !verb.equals("get")) {
      throw new AxlFault(AxlFault.UNKNOWN_REQUEST, kind.axlName() + " is read-only on this node: " + request
          + " is not answered", request);
    }
    switch (verb) {
      case "list" -> {
        return response.add(list(kind, op));
      }
      case "get" -> {
        Map.Entry<ObjectKey, StoredObject> found = find(kind, op, request);
        Set<String> tags = tags(op.child("returnedTags"));
        XmlTree element = AxlCodec.encode(kind, found.getValue().value(), AxlCodec.Purpose.GET, tags);
        withProfile(kind, element, found.getValue().value(), tags);
        return response.add(new XmlTree("return").add(element));
      }
      case "add" -> {
        XmlTree element = op.child(kind.element());
        if (element == null) {
          throw new AxlFault(AxlFault.INVALID_VALUE, request + " needs <" + kind.element() + ">", request);
        }
        String name = element.textAt(kind.identity());
        if (name == null || name.isBlank()) {
          throw new AxlFault(AxlFault.INVALID_VALUE, request + ": <" + kind.identity() + "> is required", request);
        }
        ObjectKey key = new ObjectKey(kind.collection(), name);
        if (state.get(key).isPresent()) {
          throw new AxlFault(AxlFault.DUPLICATE, "Could not insert new row - duplicate value in a UNIQUE INDEX column ("
              + kind.axlName() + " " + name + " exists)", request);
        }
        JsonNode value = canonical(key, profile(kind, element, AxlCodec.decode(kind, element, null), request), request);
        write(key, 0, value, request);
        return response.add("return", AxlCodec.uuid(kind, name));
      }
      case "update" -> {
        Map.Entry<ObjectKey, StoredObject> found = find(kind, op, request);
        ObjectNode next = profile(kind, op, AxlCodec.decode(kind, op, found.getValue().value()), request);
        String newName = op.textAt("newName");
        ObjectKey key = found.getKey();
        if (newName != null && !newName.isBlank() && !newName.equals(key.name())) {
          next.put(kind.nameKey(), newName);
          ObjectKey renamed = new ObjectKey(kind.collection(), newName);
          JsonNode value = canonical(renamed, next, request);
          apply(List.of(new ClusterState.Change(key, found.getValue().revision(), null),
              new ClusterState.Change(renamed, 0, value)), request);
          return response.add("return", AxlCodec.uuid(kind, newName));
        }
        next.put(kind.nameKey(), key.name());
        write(key, found.getValue().revision(), canonical(key, next, request), request);
        return response.add("return", AxlCodec.uuid(kind, key.name()));
      }
      default -> {
        Map.Entry<ObjectKey, StoredObject> found = find(kind, op, request);
        apply(List.of(new ClusterState.Change(found.getKey(), found.getValue().revision(), null)), request);
        return response.add("return", AxlCodec.uuid(kind, found.getKey().name()));
      }
    }
  }

  private XmlTree list(AxlKind kind, XmlTree op) throws AxlFault, AxlValueException {
    String request = op.name();
    XmlTree criteria = op.child("searchCriteria");
    if (criteria == null || criteria.children().isEmpty()) {
      throw new AxlFault(AxlFault.INVALID_VALUE, request + ": at least one element under searchCriteria is required",
          request);
    }
    XmlTree returned = op.child("returnedTags");
    Set<String> tags = tags(returned);
    long skip = number(op, "skip", request);
    long first = number(op, "first", request);
    List<Pattern> patterns = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    for (XmlTree c : criteria.children()) {
      elements.add(c.name());
      patterns.add(like(c.text()));
    }
    XmlTree result = new XmlTree("return");
    long matched = 0;
    long bytes = 0;
    List<Map.Entry<ObjectKey, StoredObject>> objects = state.read(v -> new ArrayList<>(
        v.objects().subMap(new ObjectKey(kind.collection(), "\0"), new ObjectKey(kind.collection() + "\0", "\0")).entrySet()));
    for (Map.Entry<ObjectKey, StoredObject> e : objects) {
      XmlTree full = null;
      boolean match = true;
      for (int i = 0; i < elements.size() && match; i++) {
        String value;
        if (elements.get(i).equals(kind.identity())) {
          value = e.getKey().name();
        } else {
          full = full != null ? full : AxlCodec.encode(kind, e.getValue().value(), AxlCodec.Purpose.GET, null);
          value = full.textAt(elements.get(i));
        }
        match = value != null && patterns.get(i).matcher(value).matches();
      }
      if (!match) {
        continue;
      }
      matched++;
      if (matched <= skip && first > 0) {
        continue;
      }
      if (first > 0 && result.children().size() >= first) {
        continue; // counted, not returned
      }
      XmlTree element = AxlCodec.encode(kind, e.getValue().value(), AxlCodec.Purpose.LIST, tags == null ? Set.of() : tags);
      if (tags != null) {
        withProfile(kind, element, e.getValue().value(), tags);
      }
      bytes += 60 + element.toString().length();
      result.add(element);
    }
    if (bytes > maxListBytes) {
      long rows = Math.max(1, result.children().size() * (long) maxListBytes / bytes);
      throw new AxlFault(AxlFault.TOO_LARGE, "Query request too large. Total rows matched: " + matched
          + " rows. Suggestive Row Fetch: less than " + rows + " rows", request);
    }
    return result;
  }

  /** A phone's security profile: the node names it from the phone's security mode (PhoneSecurityProfiles). */
  private static void withProfile(AxlKind kind, XmlTree element, JsonNode phone, Set<String> tags) {
    if (kind == AxlKind.PHONE && (tags == null || tags.contains("securityProfileName"))) {
      AxlCodec.put(kind, element, "securityProfileName", PhoneSecurityProfiles.nameOf(phone));
    }
  }

  /** A phone added or updated with a security profile takes that profile's mode. */
  private static ObjectNode profile(AxlKind kind, XmlTree element, ObjectNode phone, String request) throws AxlFault {
    String name = kind == AxlKind.PHONE ? element.textAt("securityProfileName") : null;
    if (name == null || name.isEmpty()) {
      return phone;
    }
    PhoneSecurityProfiles.Security s = PhoneSecurityProfiles.parse(name).orElseThrow(() -> new AxlFault(
        AxlFault.INVALID_VALUE, "phone " + phone.path("name").asText() + ": securityProfileName \"" + name
        + "\" is not a profile this node knows (" + PhoneSecurityProfiles.UNIVERSAL + ", or \"<model> - Standard "
        + "<SIP|SCCP> <Non-Secure|Authenticated|Encrypted> Profile\")", request));
    phone.put("deviceSecurityMode", s.deviceSecurityMode());
    phone.put("tftpEncryptedConfig", s.tftpEncryptedConfig());
    return phone;
  }

  private XmlTree securityProfile(XmlTree op) throws AxlFault {
    String name = op.textAt("name");
    return PhoneSecurityProfiles.element(name).orElseThrow(() -> new AxlFault(AxlFault.NOT_FOUND,
        "Item not valid: The specified PhoneSecurityProfile was not found", op.name()));
  }

  /** The profiles the node's phones can take (PhoneSecurityProfiles.namesFor), by name LIKE the criterion. */
  private XmlTree securityProfiles(XmlTree op) {
    String criterion = op.textAt("searchCriteria/name");
    Pattern like = like(criterion == null ? "%" : criterion);
    Set<String> tags = tags(op.child("returnedTags"));
    List<JsonNode> phones = state.read(v -> v.objects().subMap(new ObjectKey(AxlKind.PHONE.collection(), "\0"),
        new ObjectKey(AxlKind.PHONE.collection() + "\0", "\0")).values().stream().map(StoredObject::value).toList());
    XmlTree result = new XmlTree("return");
    for (String name : PhoneSecurityProfiles.namesFor(phones)) {
      if (like.matcher(name).matches()) {
        XmlTree e = PhoneSecurityProfiles.element(name).orElseThrow();
        if (tags != null) {
          e.children().removeIf(c -> !tags.contains(c.name()));
        }
        result.add(e);
      }
    }
    return result;
  }

  private static Set<String> tags(XmlTree returnedTags) {
    if (returnedTags == null || returnedTags.children().isEmpty()) {
      return null;
    }
    Set<String> s = new HashSet<>();
    returnedTags.children().forEach(c -> s.add(c.name()));
    return s;
  }

  private static long number(XmlTree op, String element, String request) throws AxlFault {
    String t = op.textAt(element);
    if (t == null || t.isBlank()) {
      return element.equals("skip") ? 0 : -1;
    }
    try {
      return Long.parseLong(t.trim());
    } catch (NumberFormatException e) {
      throw new AxlFault(AxlFault.INVALID_VALUE, request + ": <" + element + "> must be a whole number, not " + t, request);
    }
  }

  /** SQL LIKE as AXL's search criteria use it: % any run, _ one character, case-insensitive. */
  static Pattern like(String criterion) {
    StringBuilder re = new StringBuilder();
    for (char c : criterion.toCharArray()) {
      switch (c) {
        case '%' -> re.append(".*");
        case '_' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  /** The object a get/update/remove names by its identity element or its uuid. */
  private Map.Entry<ObjectKey, StoredObject> find(AxlKind kind, XmlTree op, String request) throws AxlFault {
    String name = op.textAt(kind.identity());
    String uuid = op.textAt("uuid");
    if (name != null && !name.isEmpty()) {
      ObjectKey key = new ObjectKey(kind.collection(), name);
      Optional<StoredObject> o = state.get(key);
      if (o.isPresent()) {
        return Map.entry(key, o.get());
      }
    } else if (uuid != null && !uuid.isEmpty()) {
      Optional<Map.Entry<ObjectKey, StoredObject>> o = state.read(v -> v.objects().entrySet().stream()
          .filter(e -> e.getKey().collection().equals(kind.collection())
              && AxlCodec.uuid(kind, e.getKey().name()).equalsIgnoreCase(uuid))
          .findFirst());
      if (o.isPresent()) {
        return o.get();
      }
    } else {
      throw new AxlFault(AxlFault.INVALID_VALUE, request + " needs <" + kind.identity() + "> or <uuid>", request);
    }
    throw new AxlFault(AxlFault.NOT_FOUND, "Item not valid: The specified " + kind.axlName() + " was not found", request);
  }

  private JsonNode canonical(ObjectKey key, ObjectNode value, String request) throws AxlFault {
    try {
      return ObjectReader.read(key, Json.mapper().writeValueAsBytes(value), "the " + request + " request");
    } catch (DocumentException e) {
      throw new AxlFault(AxlFault.INVALID_VALUE, key.collection() + " " + key.name() + ": " + e.problem()
          + (e.path() == null || e.path().equals("$") ? "" : " (" + e.path().substring(2) + ")"), request);
    } catch (IOException e) {
      throw new AxlFault(AxlFault.INVALID_VALUE, e.getMessage(), request);
    }
  }

  private void write(ObjectKey key, long base, JsonNode value, String request) throws AxlFault {
    apply(List.of(new ClusterState.Change(key, base, value)), request);
  }

  private void apply(List<ClusterState.Change> changes, String request) throws AxlFault {
    try {
      state.apply(state.clusterId(), changes);
    } catch (StaleRevisionException e) {
      throw new AxlFault(AxlFault.DUPLICATE, "the object changed meanwhile; nothing was written", request);
    } catch (ClusterMismatchException | IOException e) {
      throw new AxlFault(AxlFault.INVALID_VALUE, "the node could not write: " + e.getMessage(), request);
    }
  }

  private StoredObject setting(String name) {
    return state.get(new ObjectKey(ClusterObjects.SETTINGS, name)).orElseThrow();
  }

  // ---- the EMCC feature configuration, the intercluster service profile ----

  private XmlTree getFeature(XmlTree op) throws AxlFault, AxlValueException {
    String parameter = op.textAt("parameterName");
    Map<String, String> values = AxlSettings.featureValues(setting("emccFeatureConfig").value());
    if (parameter == null || !values.containsKey(parameter)) {
      throw new AxlFault(AxlFault.NOT_FOUND, "Item not valid: The specified EmccFeatureConfig was not found ("
          + parameter + ")", op.name());
    }
    return new XmlTree("emccFeatureConfig").attribute("uuid", uuidOf("EmccFeatureConfig", parameter))
        .add("parameterName", parameter).add("value", values.get(parameter));
  }

  private void updateFeature(XmlTree op) throws AxlFault, AxlValueException {
    String parameter = op.textAt("parameterName");
    String key = AxlSettings.featureKey(parameter).orElseThrow(() -> new AxlFault(AxlFault.NOT_FOUND,
        "Item not valid: The specified EmccFeatureConfig was not found (" + parameter + ")", op.name()));
    StoredObject current = setting("emccFeatureConfig");
    ObjectNode next = current.value().deepCopy();
    AxlSettings.setFeature(next, key, op.textAt("value"));
    ObjectKey k = new ObjectKey(ClusterObjects.SETTINGS, "emccFeatureConfig");
    write(k, current.revision(), canonical(k, next, op.name()), op.name());
  }

  private XmlTree getProfile(XmlTree op) throws AxlFault {
    String service = op.textAt("interClusterService");
    if (service == null || !AxlSettings.PROFILE_SERVICES.contains(service)) {
      throw new AxlFault(AxlFault.NOT_FOUND, "Item not valid: The specified InterClusterServiceProfile was not found ("
          + service + ")", op.name());
    }
    AxlSettings.ProfileService s = AxlSettings.profileService(setting("interclusterServiceProfile").value(), service);
    XmlTree out = new XmlTree("interClusterServiceProfile").attribute("uuid", uuidOf("InterClusterServiceProfile", service))
        .add("interClusterService", service).add("isActivated", Boolean.toString(s.activated()));
    if (s.hasTrunk()) {
      out.add("sipTrunkName", s.sipTrunk() == null ? "" : s.sipTrunk());
    }
    return out;
  }

  private void updateProfile(XmlTree op) throws AxlFault, AxlValueException {
    String service = op.textAt("interClusterService");
    if (service == null || !AxlSettings.PROFILE_SERVICES.contains(service)) {
      throw new AxlFault(AxlFault.NOT_FOUND, "Item not valid: The specified InterClusterServiceProfile was not found ("
          + service + ")", op.name());
    }
    StoredObject current = setting("interclusterServiceProfile");
    ObjectNode next = current.value().deepCopy();
    for (String element : List.of("isActivated", "sipTrunkName")) {
      String v = op.textAt(element);
      if (v != null && !AxlSettings.setProfile(next, service, element, v)) {
        throw new AxlFault(AxlFault.INVALID_VALUE, service + " has no " + element + " in the console's profile", op.name());
      }
    }
    ObjectKey k = new ObjectKey(ClusterObjects.SETTINGS, "interclusterServiceProfile");
    write(k, current.revision(), canonical(k, next, op.name()), op.name());
  }

  /**
   * Asks for a remote cluster's update now: the node records the time and keeps the services it
   * knew (it does not reach the remote cluster itself); answers "true" when the cluster is known.
   */
  private String updateRemote(XmlTree op) throws AxlFault {
    String clusterId = op.textAt("clusterId");
    ObjectKey key = new ObjectKey(AxlKind.REMOTE_CLUSTER.collection(), clusterId == null || clusterId.isEmpty() ? "\0" : clusterId);
    StoredObject current = state.get(key).orElseThrow(() -> new AxlFault(AxlFault.NOT_FOUND,
        "Item not valid: The specified RemoteCluster was not found", op.name()));
    ObjectNode next = current.value().deepCopy();
    ObjectNode status = next.get("status") instanceof ObjectNode s ? s : next.putObject("status");
    status.put("updatedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    write(key, current.revision(), canonical(key, next, op.name()), op.name());
    return "true";
  }

  // ---- executeSQLQuery: the queries the console sends, answered from the store ----

  /**
   * Answers one of the mapping's SQL queries (AxlSql.known) from the store, rows as CUCM's database
   * would give them; any other SQL is a fault: the node has no database to run it on.
   */
  private XmlTree sql(XmlTree op) throws AxlFault {
    String text = op.textAt("sql");
    AxlMapping.SqlQuery q = AxlSql.known(text).orElseThrow(() -> new AxlFault(AxlFault.UNKNOWN_REQUEST,
        "executeSQLQuery: this node answers only the SQL queries EMCC Console sends (axl-mapping.json, docs/axl.md), "
        + "not: " + text, op.name()));
    List<Map<String, String>> rows = switch (q.id()) {
      case "emccTemplates" -> templateRows(q);
      case "emccDevices" -> deviceRows();
      case "featureParameterNames" -> AxlMapping.get().featureParameters().values().stream().sorted()
          .map(n -> Map.of("name", n)).toList();
      default -> throw new AxlFault(AxlFault.UNKNOWN_REQUEST, "executeSQLQuery: no answer for query " + q.id(), op.name());
    };
    XmlTree result = new XmlTree("return");
    for (Map<String, String> row : rows) {
      XmlTree r = new XmlTree("row");
      q.columns().forEach((column, key) -> r.add(column, row.getOrDefault(key, "")));
      result.add(r);
    }
    return result;
  }

  private List<JsonNode> all(String collection) {
    return state.read(v -> v.objects().subMap(new ObjectKey(collection, "\0"), new ObjectKey(collection + "\0", "\0"))
        .values().stream().map(StoredObject::value).toList());
  }

  private List<Map<String, String>> templateRows(AxlMapping.SqlQuery q) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode t : all("emccTemplates")) {
      Map<String, String> row = new java.util.HashMap<>();
      for (String key : q.columns().values()) {
        JsonNode v = t.get(key);
        String text = v == null || v.isNull() ? "" : v.asText();
        String table = q.enums().get(key);
        if (table != null && !text.isEmpty()) {
          text = AxlMapping.get().enumOf(table).getOrDefault(text, text);
        }
        row.put(key, text);
      }
      rows.add(row);
    }
    rows.sort(java.util.Comparator.comparing(r -> r.get("name")));
    return rows;
  }

  /** The EMCC devices, each with the settings of the default template they are made from. */
  private List<Map<String, String>> deviceRows() {
    JsonNode devices = setting("emccDevices").value();
    String template = devices.path("defaultTemplate").isTextual() ? devices.get("defaultTemplate").asText() : null;
    JsonNode t = template == null ? null : state.get(new ObjectKey("emccTemplates", template)).map(StoredObject::value)
        .orElse(null);
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    devices.path("names").forEach(n -> names.add(n.asText()));
    java.util.Collections.sort(names); // ORDER BY d.name: text order, EMCC10 before EMCC2
    for (String name : names) {
      Map<String, String> row = new java.util.HashMap<>();
      row.put("name", name);
      for (String key : List.of("devicePool", "commonDeviceConfig", "commonPhoneProfile")) {
        row.put(key, t == null || !t.path(key).isTextual() ? "" : t.get(key).asText());
      }
      rows.add(row);
    }
    return rows;
  }

  // ---- the EM service parameters ----

  /** The key of a parameter named by a get/updateServiceParameter, checked against the cluster's nodes. */
  private String serviceParameterKey(XmlTree op) throws AxlFault {
    AxlMapping.ServiceParameters sp = AxlMapping.get().serviceParameters();
    String node = op.textAt("processNodeName");
    String name = op.textAt("name");
    boolean nodeKnown = node != null && state.get(new ObjectKey("nodes", node)).isPresent();
    String key = sp.names().entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
    if (!nodeKnown || key == null || !sp.service().equals(op.textAt("service"))) {
      throw new AxlFault(AxlFault.NOT_FOUND, "Item not valid: The specified ServiceParameter was not found ("
          + node + ", " + op.textAt("service") + ", " + name + ")", op.name());
    }
    return key;
  }

  private XmlTree getServiceParameter(XmlTree op) throws AxlFault {
    String key = serviceParameterKey(op);
    dev.emcc.schema.Field f = dev.emcc.schema.Windows.of(AxlSettings.SERVICE_PARAMETERS_WINDOW).field(key).orElseThrow();
    String type = switch (f.kind()) {
      case CHECK -> "boolean";
      case INT -> "long";
      default -> "string";
    };
    return new XmlTree("serviceParameter").attribute("uuid", uuidOf("ServiceParameter", op.textAt("name")))
        .add("processNodeName", op.textAt("processNodeName")).add("name", op.textAt("name"))
        .add("service", op.textAt("service"))
        .add("value", AxlSettings.serviceValue(setting(AxlSettings.SERVICE_PARAMETERS_WINDOW).value(), key))
        .add("valueType", type);
  }

  private void updateServiceParameter(XmlTree op) throws AxlFault, AxlValueException {
    String key = serviceParameterKey(op);
    StoredObject current = setting(AxlSettings.SERVICE_PARAMETERS_WINDOW);
    ObjectNode next = current.value().deepCopy();
    AxlSettings.setService(next, key, op.textAt("value"));
    ObjectKey k = new ObjectKey(ClusterObjects.SETTINGS, AxlSettings.SERVICE_PARAMETERS_WINDOW);
    write(k, current.revision(), canonical(k, next, op.name()), op.name());
  }

  private String deviceLogin(XmlTree op) throws AxlFault {
    if (op.textAt("deviceName") == null || op.textAt("userId") == null) {
      throw new AxlFault(AxlFault.INVALID_VALUE, "doDeviceLogin needs <deviceName> and <userId>", op.name());
    }
    EmService.Answer a = emService.login(op.textAt("deviceName"), op.textAt("userId"), op.textAt("profileName"), null, false);
    if (!a.xml().contains("<success")) {
      throw new AxlFault(AxlFault.INVALID_VALUE, "login refused: " + a.xml().replaceAll("<[^>]+>", " ").trim(), op.name());
    }
    return AxlCodec.uuid(AxlKind.PHONE, op.textAt("deviceName"));
  }

  private String deviceLogout(XmlTree op) throws AxlFault {
    EmService.Answer a = emService.logout(op.textAt("deviceName"));
    if (!a.xml().contains("<success")) {
      throw new AxlFault(AxlFault.INVALID_VALUE, "logout refused: " + a.xml().replaceAll("<[^>]+>", " ").trim(), op.name());
    }
    return AxlCodec.uuid(AxlKind.PHONE, op.textAt("deviceName"));
  }

  private static String uuidOf(String what, String name) {
    java.util.UUID u = java.util.UUID.nameUUIDFromBytes((what + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "{" + u.toString().toUpperCase(java.util.Locale.ROOT) + "}";
  }
}
