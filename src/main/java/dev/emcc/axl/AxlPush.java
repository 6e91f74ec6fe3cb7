package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a plan to a cluster, one request at a time in the plan's order (the client waits and
 * sends again while the server is busy), stopping at the first failure. Conflicting steps are
 * never sent. The report says exactly what was applied and what was not.
 */
public final class AxlPush {
  /** What a push did: the steps applied, the one that failed (with why), and those not sent. */
  public record Report(List<AxlPlan.Step> applied, AxlPlan.Step failed, AxlException failure,
      List<AxlPlan.Step> notApplied, List<AxlPlan.Step> conflicts, int requests) {
    public boolean complete() {
      return failed == null && notApplied.isEmpty();
    }
  }

  private AxlPush() {}

  public static Report run(AxlClient client, AxlPlan plan, AxlProgress progress) {
    List<AxlPlan.Step> todo = plan.steps().stream().filter(s -> !s.conflict()).toList();
    List<AxlPlan.Step> applied = new ArrayList<>();
    List<List<XmlTree>> profiles = new ArrayList<>(); // the cluster's phone security profiles, listed once
    int requests = 0;
    for (int i = 0; i < todo.size(); i++) {
      AxlPlan.Step step = todo.get(i);
      if (progress.cancelled()) {
        return new Report(applied, null, null, todo.subList(i, todo.size()), plan.conflicts(), requests);
      }
      try {
        for (XmlTree request : withProfile(client, step, requests(step, plan.serviceNode()), profiles)) {
          client.call(request);
          requests++;
        }
        applied.add(step);
        progress.step("push", applied.size(), todo.size());
      } catch (AxlException e) {
        return new Report(applied, step, named(step, e), todo.subList(i + 1, todo.size()), plan.conflicts(), requests);
      }
    }
    return new Report(applied, null, null, List.of(), plan.conflicts(), requests);
  }

  /**
   * A phone added, or updated where its security changes, names the cluster's security profile for
   * its model, protocol and security (listed once per push); none is an error saying which is missing.
   */
  private static List<XmlTree> withProfile(AxlClient client, AxlPlan.Step step, List<XmlTree> requests,
      List<List<XmlTree>> listed) throws AxlException {
    boolean security = step.fields().stream().anyMatch(f -> AxlPlan.SECURITY_KEYS.contains(f.key()));
    if (step.kind() != AxlKind.PHONE || step.local() == null
        || !(step.action() == AxlPlan.Action.ADD || step.action() == AxlPlan.Action.REPLACE || security)) {
      return requests;
    }
    if (listed.isEmpty()) {
      XmlTree list = client.call(new XmlTree("listPhoneSecurityProfile")
          .add(new XmlTree("searchCriteria").add("name", "%"))
          .add(new XmlTree("returnedTags").add("phoneType", "").add("protocol", "").add("name", "")
              .add("deviceSecurityMode", "").add("tftpEncryptedConfig", "true"))); // a boolean tag must hold a boolean
      listed.add(list.child("return") == null ? List.of() : list.child("return").all("phoneSecurityProfile"));
    }
    JsonNode phone = step.local();
    String name = PhoneSecurityProfiles.choose(phone, listed.get(0)).orElseThrow(() -> new AxlException(
        AxlException.Kind.VALUE, "phone " + step.name() + ": the cluster has no phone security profile for "
        + phone.path("model").asText() + " " + phone.path("protocol").asText().toUpperCase(java.util.Locale.ROOT)
        + " " + phone.path("deviceSecurityMode").asText() + (phone.path("tftpEncryptedConfig").asBoolean()
        ? " with TFTP encrypted config" : "") + ": create one in CUCM (System > Security > Phone Security Profile)",
        null));
    for (XmlTree r : requests) {
      XmlTree target = r.name().equals("addPhone") ? r.child("phone") : r.name().equals("updatePhone") ? r : null;
      if (target != null) {
        AxlCodec.put(AxlKind.PHONE, target, "securityProfileName", name);
        if (target == r) {
          // updatePhone: the identity stays first
          XmlTree id = r.child("name");
          r.children().remove(id);
          r.children().add(0, id);
        }
      }
    }
    return requests;
  }

  /** The AXL requests of one step: one, or remove + add for a REPLACE. */
  static List<XmlTree> requests(AxlPlan.Step step, String serviceNode) throws AxlException {
    try {
      if (step.kind() == null) {
        return List.of(setting(step, serviceNode));
      }
      AxlKind kind = step.kind();
      XmlTree remove = new XmlTree(kind.operation("remove")).add(kind.identity(), step.name());
      return switch (step.action()) {
        case ADD -> List.of(add(kind, step.local()));
        case UPDATE -> List.of(AxlCodec.encode(kind, step.local(), AxlCodec.Purpose.UPDATE, null));
        case REPLACE -> List.of(remove, add(kind, step.local()));
        case REMOVE -> List.of(remove);
      };
    } catch (AxlValueException e) {
      throw new AxlException(AxlException.Kind.VALUE, e.getMessage(), e);
    }
  }

  private static XmlTree add(AxlKind kind, JsonNode object) throws AxlValueException {
    return new XmlTree(kind.operation("add")).add(AxlCodec.encode(kind, object, AxlCodec.Purpose.ADD, null));
  }

  private static XmlTree setting(AxlPlan.Step step, String serviceNode) throws AxlValueException {
    String key = step.fields().get(0).key();
    if (step.setting().equals(AxlSettings.FEATURE)) {
      return new XmlTree("updateEmccFeatureConfig").add("parameterName", step.name())
          .add("value", AxlSettings.featureValue(step.local(), key));
    }
    if (step.setting().equals(AxlSettings.SERVICE_PARAMETER)) {
      return new XmlTree("updateServiceParameter").add("processNodeName", serviceNode).add("name", step.name())
          .add("service", AxlMapping.get().serviceParameters().service())
          .add("value", AxlSettings.serviceValue(step.local(), key));
    }
    AxlSettings.ProfileService s = AxlSettings.profileService(step.local(), step.name());
    XmlTree t = new XmlTree("updateInterClusterServiceProfile").add("interClusterService", step.name())
        .add("isActivated", Boolean.toString(s.activated()));
    if (s.hasTrunk()) {
      t.add("sipTrunkName", s.sipTrunk() == null ? "" : s.sipTrunk());
    }
    return t;
  }

  /** The failure with the object and the fields it was about, so the message says what and where. */
  private static AxlException named(AxlPlan.Step step, AxlException e) {
    String fields = step.fields().stream().map(f -> f.key() + " (<" + f.axl() + ">)").reduce((a, b) -> a + ", " + b)
        .orElse("");
    String message = step.action().name().toLowerCase(java.util.Locale.ROOT) + " " + step.what() + " " + step.name()
        + (fields.isEmpty() ? "" : ", fields " + fields) + ": " + e.getMessage();
    return new AxlException(e.kind(), message, e, e.fault(), e.presentedFingerprint());
  }
}
