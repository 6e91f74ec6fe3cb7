package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Field;
import dev.emcc.schema.ServiceActivationFields;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 2a and step 3.1 (Service Activation): a cluster has one publisher
 * (service.publisher); Cisco CallManager, Cisco Tftp and Cisco Extension Mobility run on some node
 * (service.callManager, service.tftp, service.extensionMobility: without EM the visiting EMApp
 * cannot reach its EMService, 208); ILS runs only on the publisher (service.ilsNotPublisher) and
 * does run there (service.ilsMissing, warning); Cisco Bulk Provisioning Service runs on the
 * publisher for the certificate exchange (service.bulkProvisioning, warning).
 */
public final class ServiceActivationRule extends ClusterRule {
  public static final String PUBLISHER = "service.publisher";
  public static final String CALL_MANAGER = "service.callManager";
  public static final String TFTP = "service.tftp";
  public static final String EXTENSION_MOBILITY = "service.extensionMobility";
  public static final String ILS_NOT_PUBLISHER = "service.ilsNotPublisher";
  public static final String ILS_MISSING = "service.ilsMissing";
  public static final String BULK_PROVISIONING = "service.bulkProvisioning";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(EXTENSION_MOBILITY, Set.of(208));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    long publishers = cl.nodes().stream().filter(Node::publisher).count();
    Node pub = cl.publisher().orElse(null);
    int pubIndex = pub == null ? -1 : cl.nodes().indexOf(pub);
    if (publishers != 1) {
      out.error(PUBLISHER, id, Paths.of(c, "nodes"), null, Fix.at(ServiceActivationFields.PUBLISHER, null),
          publishers);
    }
    String pubName = pub == null ? null : pub.name();
    anywhere(out, cl, c, NodeServices::callManager, CALL_MANAGER, ServiceActivationFields.CALL_MANAGER, pubName, null);
    anywhere(out, cl, c, NodeServices::tftp, TFTP, ServiceActivationFields.TFTP, pubName, null);
    anywhere(out, cl, c, NodeServices::extensionMobility, EXTENSION_MOBILITY, ServiceActivationFields.EXTENSION_MOBILITY, pubName, 208);
    for (int n = 0; n < cl.nodes().size(); n++) {
      Node node = cl.nodes().get(n);
      if (node.services().ils() && !node.publisher()) {
        out.error(ILS_NOT_PUBLISHER, id, Paths.item(c, "nodes", n, "services.ils"), null,
            Fix.at(ServiceActivationFields.ILS, node.name()), node.name());
      }
    }
    if (pub != null && !pub.services().ils()) {
      out.warning(ILS_MISSING, id, Paths.item(c, "nodes", pubIndex, "services.ils"), null,
          Fix.at(ServiceActivationFields.ILS, pub.name()), pub.name());
    }
    if (pub != null && !pub.services().bulkProvisioning()) {
      out.warning(BULK_PROVISIONING, id, Paths.item(c, "nodes", pubIndex, "services.bulkProvisioning"), null,
          Fix.at(ServiceActivationFields.BULK_PROVISIONING, pub.name()), pub.name());
    }
  }

  private static void anywhere(Findings out, Cluster cl, int c, Predicate<NodeServices> active, String rule,
      Field field, String publisher, Integer code) {
    if (cl.nodes().stream().noneMatch(n -> active.test(n.services()))) {
      out.error(rule, cl.clusterId(), Paths.of(c, "nodes"), code,
          Fix.at(field, publisher), cl.clusterId());
    }
  }
}
