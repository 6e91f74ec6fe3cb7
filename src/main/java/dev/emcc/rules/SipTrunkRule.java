package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Field;
import dev.emcc.schema.InterclusterServiceProfileFields;
import dev.emcc.schema.SipTrunkFields;

/**
 * Task flow step 7: at most two SIP trunks of service type Extension Mobility Cross Clusters
 * (trunk.tooMany); the intercluster service profile's PSTN access and RSVP agent trunks are set
 * when the service is active (trunk.pstnMissing, trunk.rsvpMissing), name an existing trunk
 * (ref.sipTrunk) of service type EMCC (trunk.notEmcc). None predicts a login error: the seed's 211
 * is PSTN access inactive (InterclusterServiceProfileRule), and the login itself does not use the
 * trunks (the simulator agrees).
 */
public final class SipTrunkRule extends ClusterRule {
  public static final int MAX_EMCC_TRUNKS = 2;
  public static final String TOO_MANY = "trunk.tooMany";
  public static final String PSTN_MISSING = "trunk.pstnMissing";
  public static final String RSVP_MISSING = "trunk.rsvpMissing";
  public static final String NOT_EMCC = "trunk.notEmcc";
  public static final String UNKNOWN = "ref.sipTrunk";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    int emcc = 0;
    for (int i = 0; i < cl.sipTrunks().size(); i++) {
      SipTrunk t = cl.sipTrunks().get(i);
      if (t.isEmcc() && ++emcc > MAX_EMCC_TRUNKS) {
        out.error(TOO_MANY, cl.clusterId(), Paths.item(c, "sipTrunks", i, "serviceType"), null,
            Fix.at(SipTrunkFields.SERVICE_TYPE, t.name()), t.name(), MAX_EMCC_TRUNKS);
      }
    }
    InterclusterServiceProfile p = cl.interclusterServiceProfile();
    if (p.pstnAccessActive()) {
      trunk(out, cl, c, p.pstnAccessSipTrunk(), InterclusterServiceProfileFields.PSTN_ACCESS_SIP_TRUNK, PSTN_MISSING);
    }
    if (p.rsvpAgentActive()) {
      trunk(out, cl, c, p.rsvpAgentSipTrunk(), InterclusterServiceProfileFields.RSVP_AGENT_SIP_TRUNK, RSVP_MISSING);
    }
  }

  /** No login code: the seed gives 211 for PSTN access inactive only; the trunk carries calls, not the login. */
  private static void trunk(Findings out, Cluster cl, int c, String name, Field field, String missingRule) {
    String path = Paths.of(c, "interclusterServiceProfile." + field.key());
    Fix fix = Fix.at(field, null);
    if (Blank.is(name)) {
      out.error(missingRule, cl.clusterId(), path, null, fix, cl.clusterId());
      return;
    }
    SipTrunk t = cl.sipTrunks().stream().filter(s -> name.equalsIgnoreCase(s.name())).findFirst().orElse(null);
    if (t == null) {
      out.error(UNKNOWN, cl.clusterId(), path, null, fix, name);
    } else if (!t.isEmcc()) {
      out.error(NOT_EMCC, cl.clusterId(), path, null, fix, name, t.serviceType().json());
    }
  }
}
