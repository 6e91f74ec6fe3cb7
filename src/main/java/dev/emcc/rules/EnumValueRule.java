package dev.emcc.rules;

import dev.emcc.schema.CertificatesFields;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.PhoneFields;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;

/**
 * Enumerated fields without a CUCM default (field.enum). The document reader already refuses an
 * unknown value; this catches values built in code, where the only way to be wrong is null.
 */
public final class EnumValueRule extends ClusterRule {
  public static final String ID = "field.enum";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      var p = cl.deviceProfiles().get(i);
      if (p.protocol() == null) {
        out.error(ID, cl.clusterId(), Paths.item(c, "deviceProfiles", i, "protocol"), null,
            Fix.at(DeviceProfileFields.PROTOCOL, p.name()),
            DeviceProfileFields.PROTOCOL, "sccp, sip");
      }
    }
    for (int i = 0; i < cl.phones().size(); i++) {
      var p = cl.phones().get(i);
      if (p.protocol() == null) {
        out.error(ID, cl.clusterId(), Paths.item(c, "phones", i, "protocol"), null,
            Fix.at(PhoneFields.PROTOCOL, p.name()), PhoneFields.PROTOCOL, "sccp, sip");
      }
    }
    for (int n = 0; n < cl.nodes().size(); n++) {
      var node = cl.nodes().get(n);
      for (int k = 0; k < node.certificates().size(); k++) {
        if (node.certificates().get(k).type() == null) {
          out.error(ID, cl.clusterId(), Paths.item(c, "nodes", n, "certificates[" + k + "].type"), null,
              Fix.at(CertificatesFields.TYPE, node.name()), CertificatesFields.TYPE,
              "callManager, callManagerEcdsa, tomcat, tomcatEcdsa, capf, tftp, tvs, itlRecovery");
        }
      }
    }
  }
}
