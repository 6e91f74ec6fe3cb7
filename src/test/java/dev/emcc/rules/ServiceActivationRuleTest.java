package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;

import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ServiceActivationRuleTest extends RuleTestSupport {
  Rule rule() {
    return new ServiceActivationRule();
  }

  private static Cluster everyNode(Cluster c, UnaryOperator<NodeServices> change) {
    return c.withNodes(c.nodes().stream().map(n -> n.withServices(change.apply(n.services()))).toList());
  }

  @Test
  void ilsOnASubscriber() {
    var ws = first(c -> c.withNodes(replace(c.nodes(), 2, n -> n.withServices(n.services().withIls(true)))));
    only(ws, "service.ilsNotPublisher", "$.clusters[0].nodes[2].services.ils", null, Severity.ERROR);
  }

  @Test
  void ilsMissingOnThePublisher() {
    var ws = first(c -> c.withNodes(replace(c.nodes(), 0, n -> n.withServices(n.services().withIls(false)))));
    only(ws, "service.ilsMissing", "$.clusters[0].nodes[0].services.ils", null, Severity.WARNING);
  }

  @Test
  void bulkProvisioningMissingOnThePublisher() {
    var ws = first(c -> c.withNodes(replace(c.nodes(), 0,
        n -> n.withServices(n.services().withBulkProvisioning(false)))));
    only(ws, "service.bulkProvisioning", "$.clusters[0].nodes[0].services.bulkProvisioning", null, Severity.WARNING);
  }

  @Test
  void noCallManager() {
    only(first(c -> everyNode(c, s -> s.withCallManager(false))), "service.callManager", "$.clusters[0].nodes", null,
        Severity.ERROR);
  }

  @Test
  void noExtensionMobility() {
    single(first(c -> everyNode(c, s -> s.withExtensionMobility(false))), "service.extensionMobility",
        "$.clusters[0].nodes", 208, Severity.ERROR);
  }

  @Test
  void noTftp() {
    single(first(c -> everyNode(c, s -> s.withTftp(false))), "service.tftp", "$.clusters[0].nodes", null,
        Severity.ERROR);
  }

  @Test
  void twoPublishers() {
    var ws = first(c -> c.withNodes(replace(c.nodes(), 2, n -> new Node(n.name(), n.address(), true, false,
        n.services().withIls(true).withBulkProvisioning(true), n.certificates()))));
    single(ws, "service.publisher", "$.clusters[0].nodes", null, Severity.ERROR);
  }
}
