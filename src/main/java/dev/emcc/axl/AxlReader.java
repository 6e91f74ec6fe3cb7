package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a cluster over AXL: its version, each kind's names page by page ({@code skip}/{@code
 * first}, smaller pages when the server says an answer is too large), each object whole ({@code
 * get}: lists return fewer elements), the EMCC feature parameters and the intercluster service
 * profile. What AXL does not carry (certificates, node services, EMCC templates and devices ...)
 * keeps the values of the cluster read onto ({@code base}).
 */
public final class AxlReader {
  /** Get requests in flight at once (reads only; CUCM serves a few AXL requests at a time). */
  static final int PARALLEL_READS = 4;
  /** Names asked for in one list request. */
  public static final int PAGE = 2000;
  /** A pseudo process node CUCM lists beside the servers. */
  private static final String ENTERPRISE_WIDE = "EnterpriseWideData";

  private final AxlClient client;
  private final AxlProgress progress;
  private int page = PAGE;
  /** Each phone's security profile name, as its get answered. */
  private final Map<String, String> profiles = new java.util.concurrent.ConcurrentHashMap<>();

  public AxlReader(AxlClient client, AxlProgress progress) {
    this.client = client;
    this.progress = progress;
  }

  /** The cluster as AXL shows it, read onto {@code base} (null: a new cluster with CUCM's defaults). */
  public Cluster read(String clusterId, Cluster base) throws AxlException {
    return pull(clusterId, base).cluster();
  }

  /**
   * The cluster as AXL shows it, read onto {@code base} (null: a new cluster with CUCM's defaults),
   * with what could not be read: parts behind {@code executeSQLQuery} (a role of its own), feature
   * and service parameters whose names the cluster does not know, and the nodes' services (no AXL
   * operation). Those keep the base's values; anything else that fails fails the pull.
   */
  public AxlRead pull(String clusterId, Cluster base) throws AxlException {
    Cluster start = base != null ? base : Cluster.empty(clusterId, null);
    ObjectNode doc = Json.mapper().valueToTree(start);
    XmlTree v = client.call(new XmlTree("getCCMVersion"));
    doc.put("version", majorMinor(v.textAt("return/componentVersion/version")));
    for (AxlKind kind : AxlKind.values()) {
      doc.set(kind.collection(), readKind(kind, doc.get(kind.collection())));
    }
    readSecurity((com.fasterxml.jackson.databind.node.ArrayNode) doc.get(AxlKind.PHONE.collection()));
    List<AxlRead.Unread> unread = new ArrayList<>();
    new AxlSqlParts(this::query, unread).read(doc);
    Map<String, String> names = featureNames(unread);
    doc.set("emccFeatureConfig", readFeature(doc.get("emccFeatureConfig"), names, unread));
    doc.set("interclusterServiceProfile", readProfile(doc.get("interclusterServiceProfile")));
    doc.set("emServiceParameters", readServiceParameters(doc, unread));
    nodeServices(doc, unread);
    doc.put("clusterId", clusterId);
    try {
      return new AxlRead(Json.mapper().treeToValue(doc, Cluster.class), unread, names);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AxlException(AxlException.Kind.VALUE, "the cluster read over AXL is not a workspace cluster: "
          + e.getOriginalMessage(), e);
    }
  }

  /** One of the mapping's SQL queries; null (and said in {@code unread}) when the cluster refused it. */
  private List<Map<String, String>> query(String id, AxlRead.Part part, List<AxlRead.Unread> unread)
      throws AxlException {
    checkCancelled();
    try {
      return AxlSql.run(client, AxlMapping.get().query(id));
    } catch (AxlException e) {
      if (!refusal(e)) {
        throw e;
      }
      unread.add(new AxlRead.Unread(part, "", Messages.format("axl.unread.sql", e.getMessage())));
      return null;
    }
  }

  /** A fault or a 403 on one request: the user lacks a role or the cluster lacks what was asked; the pull goes on. */
  private static boolean refusal(AxlException e) {
    return e.kind() == AxlException.Kind.FAULT || e.kind() == AxlException.Kind.FORBIDDEN;
  }

  /** "14.0.1.10000(1)" is 14.0; the workspace keeps major.minor. */
  static String majorMinor(String version) {
    if (version == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.trim());
    return m.find() ? m.group(1) + "." + m.group(2) : version.trim();
  }

  /** The names of a kind's objects, all pages. */
  public List<String> names(AxlKind kind) throws AxlException {
    List<String> names = new ArrayList<>();
    long skip = 0;
    while (true) {
      checkCancelled();
      XmlTree list = new XmlTree(kind.operation("list"))
          .add(new XmlTree("searchCriteria").add(kind.identity(), "%"))
          .add(new XmlTree("returnedTags").add(kind.identity(), ""))
          .add("skip", Long.toString(skip)).add("first", Integer.toString(page));
      XmlTree answer;
      try {
        answer = client.call(list);
      } catch (AxlException e) {
        if (e.fault() != null && e.fault().code() == AxlFault.TOO_LARGE && page > 1) {
          page = Math.max(1, page / 2); // the server's size limit: ask again in smaller pages
          continue;
        }
        throw e;
      }
      List<XmlTree> found = answer.child("return") == null ? List.of() : answer.child("return").all(kind.element());
      for (XmlTree e : found) {
        String name = e.textAt(kind.identity());
        if (name != null && !name.isEmpty() && !(kind == AxlKind.PROCESS_NODE && name.equals(ENTERPRISE_WIDE))) {
          names.add(name);
        }
      }
      if (found.size() < page) {
        return names;
      }
      skip += found.size();
    }
  }

  private ArrayNode readKind(AxlKind kind, JsonNode baseArray) throws AxlException {
    Map<String, JsonNode> base = new LinkedHashMap<>();
    if (baseArray != null) {
      baseArray.forEach(o -> base.put(o.path(kind.nameKey()).asText(), o));
    }
    List<String> names = names(kind);
    Map<String, JsonNode> read = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    // reads go out a few at a time (writes never do): the round trips overlap
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.max(1, Math.min(PARALLEL_READS, names.size())), r -> {
          Thread t = new Thread(r, "emcc-axl-read");
          t.setDaemon(true);
          return t;
        });
    try {
      List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
      for (String name : names) {
        pending.add(pool.submit(() -> {
          checkCancelled();
          read.put(name, get(kind, name, base.get(name)));
          progress.step(kind.axlName(), done.incrementAndGet(), names.size());
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : pending) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          pending.forEach(other -> other.cancel(false));
          if (e.getCause() instanceof AxlException a) {
            throw a;
          }
          throw new AxlException(AxlException.Kind.IO, String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AxlException(AxlException.Kind.IO, "interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // the workspace's order first, then what is new in AXL's order
    ArrayNode out = Json.mapper().createArrayNode();
    base.keySet().stream().filter(read::containsKey).forEach(n -> out.add(read.get(n)));
    for (String n : names) {
      if (!base.containsKey(n)) {
        out.add(read.get(n));
      }
    }
    return out;
  }

  private JsonNode get(AxlKind kind, String name, JsonNode base) throws AxlException {
    XmlTree got = client.call(new XmlTree(kind.operation("get")).add(kind.identity(), name));
    XmlTree element = got.child("return") == null ? null : got.child("return").child(kind.element());
    if (element == null) {
      throw new AxlException(AxlException.Kind.IO, kind.operation("get") + " " + name + ": the answer holds no <"
          + kind.element() + ">", null);
    }
    if (kind == AxlKind.PHONE && element.textAt("securityProfileName") != null) {
      profiles.put(name, element.textAt("securityProfileName"));
    }
    try {
      return AxlCodec.decode(kind, element, base);
    } catch (AxlValueException e) {
      throw new AxlException(AxlException.Kind.VALUE, e.getMessage(), e);
    }
  }

  /** Each phone's security mode and TFTP encryption, from its security profile (one get per profile). */
  private void readSecurity(com.fasterxml.jackson.databind.node.ArrayNode phones) throws AxlException {
    Map<String, PhoneSecurityProfiles.Security> byName = new java.util.HashMap<>();
    for (JsonNode phone : phones) {
      String profile = profiles.get(phone.path("name").asText());
      if (profile == null || profile.isEmpty()) {
        continue;
      }
      PhoneSecurityProfiles.Security s = byName.get(profile);
      if (s == null) {
        checkCancelled();
        XmlTree got = client.call(new XmlTree("getPhoneSecurityProfile").add("name", profile));
        try {
          s = PhoneSecurityProfiles.read(got.at("return/phoneSecurityProfile"));
        } catch (AxlValueException e) {
          throw new AxlException(AxlException.Kind.VALUE, e.getMessage(), e);
        }
        byName.put(profile, s);
      }
      ((ObjectNode) phone).put("deviceSecurityMode", s.deviceSecurityMode());
      ((ObjectNode) phone).put("tftpEncryptedConfig", s.tftpEncryptedConfig());
    }
  }

  /**
   * The names the cluster gives the feature parameters: the mapping's (assumed) names matched against
   * those its database lists, exactly or ignoring case and punctuation. Without the list (no SQL
   * role), the assumed names; a parameter the cluster does not list is not read.
   */
  private Map<String, String> featureNames(List<AxlRead.Unread> unread) throws AxlException {
    Map<String, String> assumed = AxlMapping.get().featureParameters();
    List<Map<String, String>> rows = query("featureParameterNames", AxlRead.Part.FEATURE_PARAMETER_NAMES, unread);
    if (rows == null) {
      return assumed;
    }
    return match(assumed, rows.stream().map(r -> r.get("name")).filter(n -> n != null && !n.isBlank()).toList(),
        unread);
  }

  /**
   * Each assumed name's counterpart among the names the cluster lists: the same, else the same but
   * for case and punctuation; a name without one is said in {@code unread}.
   */
  static Map<String, String> match(Map<String, String> assumed, List<String> listed, List<AxlRead.Unread> unread) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : assumed.entrySet()) {
      String found = listed.contains(p.getValue()) ? p.getValue() : listed.stream()
          .filter(n -> loose(n).equals(loose(p.getValue()))).findFirst().orElse(null);
      if (found != null) {
        names.put(p.getKey(), found);
      } else {
        unread.add(new AxlRead.Unread(AxlRead.Part.FEATURE_PARAMETER, p.getKey() + " (" + p.getValue() + ")",
            Messages.format("axl.unread.noSuchParameter", p.getValue(), String.join(", ", listed))));
      }
    }
    return names;
  }

  private static String loose(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
  }

  private JsonNode readFeature(JsonNode base, Map<String, String> names, List<AxlRead.Unread> unread)
      throws AxlException {
    ObjectNode config = base.deepCopy();
    int done = 0;
    for (Map.Entry<String, String> p : names.entrySet()) {
      checkCancelled();
      try {
        XmlTree got = client.call(new XmlTree("getEmccFeatureConfig").add("parameterName", p.getValue()));
        AxlSettings.setFeature(config, p.getKey(), got.textAt("return/emccFeatureConfig/value"));
      } catch (AxlValueException e) {
        throw new AxlException(AxlException.Kind.VALUE, e.getMessage(), e);
      } catch (AxlException e) {
        if (!refusal(e)) {
          throw e;
        }
        unread.add(new AxlRead.Unread(AxlRead.Part.FEATURE_PARAMETER, p.getKey() + " (" + p.getValue() + ")",
            e.getMessage()));
      }
      progress.step("EmccFeatureConfig", ++done, names.size());
    }
    return config;
  }

  /** The EM service parameters, each with getServiceParameter on the publisher's process node. */
  private JsonNode readServiceParameters(ObjectNode doc, List<AxlRead.Unread> unread) throws AxlException {
    ObjectNode parameters = doc.get("emServiceParameters").deepCopy();
    AxlMapping.ServiceParameters sp = AxlMapping.get().serviceParameters();
    String publisher = publisher(doc);
    for (Map.Entry<String, String> p : sp.names().entrySet()) {
      String subject = p.getKey() + " (" + p.getValue() + ")";
      if (publisher == null) {
        unread.add(new AxlRead.Unread(AxlRead.Part.SERVICE_PARAMETER, subject, Messages.get("axl.unread.noPublisher")));
        continue;
      }
      checkCancelled();
      try {
        XmlTree got = client.call(new XmlTree("getServiceParameter").add("processNodeName", publisher)
            .add("name", p.getValue()).add("service", sp.service()));
        AxlSettings.setService(parameters, p.getKey(), got.textAt("return/serviceParameter/value"));
      } catch (AxlValueException e) {
        throw new AxlException(AxlException.Kind.VALUE, e.getMessage(), e);
      } catch (AxlException e) {
        if (!refusal(e)) {
          throw e;
        }
        unread.add(new AxlRead.Unread(AxlRead.Part.SERVICE_PARAMETER, subject, e.getMessage()));
      }
    }
    return parameters;
  }

  /** The publisher's process node name, as read (null when no process node says it is one). */
  static String publisher(JsonNode doc) {
    for (JsonNode n : doc.path("nodes")) {
      if (n.path("publisher").asBoolean()) {
        return n.path("name").asText();
      }
    }
    return null;
  }

  /** Service Activation is Serviceability's, not AXL's: said for each node, not silently kept. */
  private static void nodeServices(ObjectNode doc, List<AxlRead.Unread> unread) {
    List<String> names = new ArrayList<>();
    doc.path("nodes").forEach(n -> names.add(n.path("name").asText()));
    if (!names.isEmpty()) {
      unread.add(new AxlRead.Unread(AxlRead.Part.NODE_SERVICES, String.join(", ", names),
          Messages.get("axl.unread.serviceActivation")));
    }
  }

  private JsonNode readProfile(JsonNode base) throws AxlException {
    ObjectNode profile = base.deepCopy();
    for (String service : AxlSettings.PROFILE_SERVICES) {
      checkCancelled();
      XmlTree got = client.call(new XmlTree("getInterClusterServiceProfile").add("interClusterService", service));
      XmlTree p = got.at("return/interClusterServiceProfile");
      try {
        for (String element : List.of("isActivated", "sipTrunkName")) {
          if (p != null && p.child(element) != null) {
            AxlSettings.setProfile(profile, service, element, p.textAt(element));
          }
        }
      } catch (AxlValueException e) {
        throw new AxlException(AxlException.Kind.VALUE, e.getMessage(), e);
      }
    }
    return profile;
  }

  private void checkCancelled() throws AxlException {
    if (progress.cancelled()) {
      throw new AxlException(AxlException.Kind.IO, "cancelled: nothing was read into the workspace", null);
    }
  }
}
