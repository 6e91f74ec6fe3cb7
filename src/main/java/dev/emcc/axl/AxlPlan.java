package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.schema.Field;
import dev.emcc.schema.Windows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a push would change on a cluster, field by field: the workspace's cluster against the
 * cluster as just read, with the state of the last pull to tell the cluster's own changes since
 * (conflicts: shown with both values and never overwritten). Only what AXL carries is compared.
 */
public final class AxlPlan {
  /** What one step does. REPLACE: {@code updateRemoteCluster} takes only the service flags, so an FQDN or description change is remove + add. */
  public enum Action { ADD, UPDATE, REPLACE, REMOVE }

  /** One field: its JSON key and AXL element, the workspace's, the cluster's and the last pull's values. */
  public record FieldChange(String key, String axl, JsonNode local, JsonNode remote, JsonNode pulled, boolean conflict) {}

  /**
   * One step: a named object of a kind, or one EMCC feature parameter ({@code kind} null, {@code
   * setting} "EmccFeatureConfig"), one EM service parameter ({@code setting} "ServiceParameter") or
   * one service of the intercluster service profile ({@code setting} "InterClusterServiceProfile");
   * {@code name} is then the parameter's or the service's AXL name; {@code local} is the workspace's
   * object or setting (null for a remove).
   */
  public record Step(AxlKind kind, String setting, String name, Action action, List<FieldChange> fields,
      JsonNode local) {
    /** True when a field the cluster changed since the last pull would be overwritten: not pushed. */
    public boolean conflict() {
      return fields.stream().anyMatch(FieldChange::conflict);
    }

    public String what() {
      return kind != null ? kind.axlName() : setting;
    }
  }

  private final List<Step> steps;
  private final boolean withPulledState;
  private final String serviceNode;

  private AxlPlan(List<Step> steps, boolean withPulledState, String serviceNode) {
    this.steps = List.copyOf(steps);
    this.withPulledState = withPulledState;
    this.serviceNode = serviceNode;
  }

  /** The process node whose EM service parameters the plan writes (the cluster's publisher). */
  public String serviceNode() {
    return serviceNode;
  }

  public List<Step> steps() {
    return steps;
  }

  /** False when there was no pulled state: the cluster's own changes could not be told apart. */
  public boolean withPulledState() {
    return withPulledState;
  }

  public List<Step> conflicts() {
    return steps.stream().filter(Step::conflict).toList();
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * The plan of pushing {@code local} onto {@code remote}; {@code pulled} is the cluster as last
   * pulled (null when unknown). Adds and updates in dependency order, then the settings, then
   * removes in reverse dependency order.
   */
  public static AxlPlan of(Cluster local, Cluster remote, Cluster pulled) throws AxlException {
    return of(local, AxlRead.whole(remote), pulled);
  }

  /**
   * The plan of pushing {@code local} onto the cluster as a pull just read it: feature parameters
   * under the names the cluster gives them, and only those it read.
   */
  public static AxlPlan of(Cluster local, AxlRead read, Cluster pulled) throws AxlException {
    Cluster remote = read.cluster();
    JsonNode l = Json.mapper().valueToTree(local);
    JsonNode r = Json.mapper().valueToTree(remote);
    JsonNode p = pulled == null ? null : Json.mapper().valueToTree(pulled);
    List<Step> writes = new ArrayList<>();
    List<Step> removes = new ArrayList<>();
    for (AxlKind kind : AxlKind.values()) {
      if (!kind.writable()) {
        continue;
      }
      Map<String, JsonNode> lo = byName(kind, l);
      Map<String, JsonNode> re = byName(kind, r);
      Map<String, JsonNode> pu = p == null ? null : byName(kind, p);
      for (Map.Entry<String, JsonNode> e : lo.entrySet()) {
        JsonNode there = re.get(e.getKey());
        JsonNode before = pu == null ? null : pu.get(e.getKey());
        if (there == null) {
          // gone from the cluster since the pull: the cluster's change, not pushed back silently
          boolean conflict = before != null;
          writes.add(new Step(kind, null, e.getKey(), Action.ADD,
              diff(kind, e.getValue(), NullNode.getInstance(), before, conflict), e.getValue()));
          continue;
        }
        List<FieldChange> fields = diff(kind, e.getValue(), there, pu == null ? null
            : before == null ? NullNode.getInstance() : before, false);
        if (!fields.isEmpty()) {
          boolean replace = kind == AxlKind.REMOTE_CLUSTER && fields.stream()
              .anyMatch(f -> f.key().equals("fullyQualifiedName") || f.key().equals("description"));
          writes.add(new Step(kind, null, e.getKey(), replace ? Action.REPLACE : Action.UPDATE, fields, e.getValue()));
        }
      }
      for (Map.Entry<String, JsonNode> e : re.entrySet()) {
        if (!lo.containsKey(e.getKey())) {
          // added on the cluster since the pull: shown, not removed
          boolean conflict = pu != null && !pu.containsKey(e.getKey());
          removes.add(0, new Step(kind, null, e.getKey(), Action.REMOVE,
              diff(kind, NullNode.getInstance(), e.getValue(), conflict ? NullNode.getInstance() : null, conflict), null));
        }
      }
    }
    writes.addAll(parameterSteps(AxlSettings.FEATURE, read.featureNames(), l, r, p));
    String publisher = AxlReader.publisher(r);
    if (publisher != null) {
      writes.addAll(parameterSteps(AxlSettings.SERVICE_PARAMETER, AxlMapping.get().serviceParameters().names(), l, r, p));
    }
    writes.addAll(profileSteps(l.get("interclusterServiceProfile"), r.get("interclusterServiceProfile"),
        p == null ? null : p.get("interclusterServiceProfile")));
    writes.addAll(removes);
    return new AxlPlan(writes, pulled != null, publisher);
  }

  /**
   * The workspace's cluster with one conflict settled the cluster's way: the whole step ({@code
   * field} null: its conflicting fields, or the object as the cluster has it, or gone) or one field.
   */
  public static Cluster takeCluster(Cluster local, Cluster remote, Step step, FieldChange field) throws AxlException {
    return cluster(settle(Json.mapper().valueToTree(local), Json.mapper().valueToTree(remote), step, field, true));
  }

  /**
   * Keeps the workspace's side of a conflict: the pulled state takes the cluster's current value of
   * the step (or of one field), so the next plan pushes the workspace's value over it instead of
   * showing a conflict. Returns the pulled state to keep.
   */
  public static Cluster keepMine(Cluster pulled, Cluster remote, Step step, FieldChange field) throws AxlException {
    return cluster(settle(Json.mapper().valueToTree(pulled), Json.mapper().valueToTree(remote), step, field, false));
  }

  /**
   * {@code doc} with a step's values (or one field's) as {@code there} has them; {@code onlyConflicts}:
   * of a setting, only its conflicting fields.
   */
  private static ObjectNode settle(ObjectNode doc, JsonNode there, Step s, FieldChange field, boolean onlyConflicts) {
    if (s.kind() == null) {
      String key = AxlSettings.documentKey(s.setting());
      ObjectNode setting = (ObjectNode) doc.get(key);
      for (FieldChange f : s.fields()) {
        if ((field == null ? (!onlyConflicts || f.conflict()) : f.key().equals(field.key()))) {
          setting.set(f.key(), there.get(key).get(f.key()));
        }
      }
      return doc;
    }
    ArrayNode array = (ArrayNode) doc.get(s.kind().collection());
    JsonNode theirs = byName(s.kind(), there).get(s.name());
    int at = indexOf(array, s);
    if (field != null && theirs != null && at >= 0) {
      String[] path = field.key().split("\\.");
      ObjectNode target = (ObjectNode) array.get(at);
      for (int i = 0; i < path.length - 1; i++) {
        target = target.get(path[i]) instanceof ObjectNode o ? o : target.putObject(path[i]);
      }
      JsonNode value = AxlCodec.at(theirs, path);
      target.set(path[path.length - 1], value == null ? NullNode.getInstance() : value.deepCopy());
    } else if (theirs == null && at >= 0) {
      array.remove(at);
    } else if (theirs != null && at >= 0) {
      array.set(at, theirs.deepCopy());
    } else if (theirs != null) {
      array.add(theirs.deepCopy());
    }
    return doc;
  }

  private static int indexOf(ArrayNode array, Step s) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).path(s.kind().nameKey()).asText().equals(s.name())) {
        return i;
      }
    }
    return -1;
  }

  private static Cluster cluster(JsonNode doc) throws AxlException {
    try {
      return Json.mapper().treeToValue(doc, Cluster.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AxlException(AxlException.Kind.VALUE, e.getOriginalMessage(), e);
    }
  }

  /** The cluster as it is after {@code applied} steps of a plan were written to {@code remote}: the next pulled state. */
  public static Cluster appliedOnto(Cluster remote, List<Step> applied) throws AxlException {
    com.fasterxml.jackson.databind.node.ObjectNode doc = Json.mapper().valueToTree(remote);
    for (Step s : applied) {
      if (s.kind() == null) {
        ObjectNode setting = (ObjectNode) doc.get(AxlSettings.documentKey(s.setting()));
        for (FieldChange f : s.fields()) {
          setting.set(f.key(), s.local().get(f.key()));
        }
        continue;
      }
      com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode)
          doc.get(s.kind().collection());
      int at = -1;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).path(s.kind().nameKey()).asText().equals(s.name())) {
          at = i;
        }
      }
      if (s.action() == Action.REMOVE) {
        if (at >= 0) {
          array.remove(at);
        }
      } else if (at >= 0) {
        array.set(at, s.local());
      } else {
        array.add(s.local());
      }
    }
    try {
      return Json.mapper().treeToValue(doc, Cluster.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AxlException(AxlException.Kind.VALUE, e.getOriginalMessage(), e);
    }
  }

  private static Map<String, JsonNode> byName(AxlKind kind, JsonNode cluster) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    cluster.get(kind.collection()).forEach(o -> m.put(o.path(kind.nameKey()).asText(), o));
    return m;
  }

  /** The fields AXL carries that differ; a conflict where the cluster's value moved since the pull. */
  private static List<FieldChange> diff(AxlKind kind, JsonNode local, JsonNode remote, JsonNode pulled,
      boolean wholeConflict) {
    List<FieldChange> out = new ArrayList<>();
    for (Field f : AxlCodec.fields(kind)) {
      String[] path = f.key().split("\\.");
      JsonNode lv = norm(AxlCodec.at(local, path));
      JsonNode rv = norm(AxlCodec.at(remote, path));
      if (Objects.equals(lv, rv)) {
        continue;
      }
      JsonNode pv = pulled == null ? null : norm(AxlCodec.at(pulled, path));
      boolean conflict = wholeConflict || (pulled != null && !pulled.isNull() && !Objects.equals(pv, rv));
      out.add(new FieldChange(f.key(), f.external().axl(), lv, rv, pv, conflict));
    }
    if (kind == AxlKind.PHONE) {
      // a phone's security lives in its security profile: compared here, written as the profile's name
      for (String key : SECURITY_KEYS) {
        JsonNode lv = norm(local.get(key));
        JsonNode rv = norm(remote.get(key));
        if (key.equals("tftpEncryptedConfig")) {
          lv = lv.isNull() ? com.fasterxml.jackson.databind.node.BooleanNode.FALSE : lv;
          rv = rv.isNull() ? com.fasterxml.jackson.databind.node.BooleanNode.FALSE : rv;
        }
        if (!Objects.equals(lv, rv) && !(local.isNull() || remote.isNull())) {
          JsonNode pv = pulled == null ? null : norm(pulled.get(key));
          if (pv != null && key.equals("tftpEncryptedConfig") && pv.isNull() && !pulled.isNull()) {
            pv = com.fasterxml.jackson.databind.node.BooleanNode.FALSE;
          }
          boolean conflict = wholeConflict || (pulled != null && !pulled.isNull() && !Objects.equals(pv, rv));
          out.add(new FieldChange(key, "securityProfileName", lv, rv, pv, conflict));
        }
      }
    }
    return out;
  }

  /** The phone's keys its security profile decides. */
  static final List<String> SECURITY_KEYS = List.of("deviceSecurityMode", "tftpEncryptedConfig");

  /** Missing, null and "" are one value on AXL's side (an empty element). */
  private static JsonNode norm(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty())
        ? NullNode.getInstance() : v;
  }

  /**
   * One step per parameter that differs ({@code names}: JSON key to the parameter's name) of the
   * feature configuration or the EM service parameters.
   */
  private static List<Step> parameterSteps(String setting, Map<String, String> names, JsonNode l, JsonNode r,
      JsonNode p) {
    String key = AxlSettings.documentKey(setting);
    JsonNode local = l.get(key);
    JsonNode remote = r.get(key);
    JsonNode pulled = p == null ? null : p.get(key);
    List<Step> out = new ArrayList<>();
    for (Map.Entry<String, String> e : names.entrySet()) {
      JsonNode lv = norm(local.get(e.getKey()));
      JsonNode rv = norm(remote.get(e.getKey()));
      if (!Objects.equals(lv, rv)) {
        JsonNode pv = pulled == null ? null : norm(pulled.get(e.getKey()));
        boolean conflict = pulled != null && !Objects.equals(pv, rv);
        out.add(new Step(null, setting, e.getValue(), Action.UPDATE,
            List.of(new FieldChange(e.getKey(), e.getValue(), lv, rv, pv, conflict)), local));
      }
    }
    return out;
  }

  private static List<Step> profileSteps(JsonNode local, JsonNode remote, JsonNode pulled) {
    Map<String, List<FieldChange>> byService = new LinkedHashMap<>();
    for (Field f : Windows.of(AxlSettings.PROFILE_WINDOW).fields()) {
      String axl = f.external().axl();
      if (axl == null) {
        continue;
      }
      JsonNode lv = norm(local.get(f.key()));
      JsonNode rv = norm(remote.get(f.key()));
      if (!Objects.equals(lv, rv)) {
        JsonNode pv = pulled == null ? null : norm(pulled.get(f.key()));
        boolean conflict = pulled != null && !Objects.equals(pv, rv);
        byService.computeIfAbsent(axl.substring(0, axl.indexOf(':')), k -> new ArrayList<>())
            .add(new FieldChange(f.key(), axl, lv, rv, pv, conflict));
      }
    }
    List<Step> out = new ArrayList<>();
    byService.forEach((service, fields) -> out.add(new Step(null, AxlSettings.PROFILE, service,
        Action.UPDATE, fields, local)));
    return out;
  }
}
