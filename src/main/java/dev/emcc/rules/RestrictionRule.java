package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.PstnAccessTrunkCss;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.InterclusterServiceProfileFields;

/**
 * The seed's interactions and restrictions (tables 3 and 4; the help page Restrictions and
 * Interactions) where the configuration shows them. Location-based call admission control does not
 * apply across clusters, RSVP agent-based CAC does: without the RSVP agent service in the
 * intercluster service profile, EMCC calls have no CAC (restriction.rsvpCac, information). E911
 * calls of visiting phones reach the local gateway through the PSTN access trunk; "Use Trunk CSS"
 * is the value the seed names for routing emergency calls correctly (restriction.e911Css, warning).
 * Neither stops a login.
 */
public final class RestrictionRule extends ClusterRule {
  public static final String RSVP_CAC = "restriction.rsvpCac";
  public static final String E911_CSS = "restriction.e911Css";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    var p = cl.interclusterServiceProfile();
    if (p.emccActive() && !p.rsvpAgentActive()) {
      out.add(Severity.INFO, RSVP_CAC, RSVP_CAC, cl.clusterId(), Paths.of(c, "interclusterServiceProfile.rsvpAgentActive"),
          null, Fix.at(InterclusterServiceProfileFields.RSVP_AGENT_ACTIVE, null), cl.clusterId());
    }
    if (p.pstnAccessActive() && cl.emccFeatureConfig().pstnAccessTrunkCss() == PstnAccessTrunkCss.USE_PHONES_ORIGINAL_DEVICE_CSS) {
      out.warning(E911_CSS, cl.clusterId(), Paths.of(c, "emccFeatureConfig.pstnAccessTrunkCss"), null,
          Fix.at(EmccFeatureConfigFields.PSTN_ACCESS_TRUNK_CSS, null), cl.clusterId());
    }
  }
}
