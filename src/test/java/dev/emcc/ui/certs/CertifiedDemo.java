package dev.emcc.ui.certs;

import dev.emcc.certs.NodeCertificateIssuer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.certs.ProgressListener;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo workspace with real certificates on every node and empty trust stores: what the bulk jobs move. */
final class CertifiedDemo {
  /** EC types: key generation is quick, also on a loaded machine. */
  static final List<CertificateType> TYPES = List.of(CertificateType.TOMCAT_ECDSA, CertificateType.CALL_MANAGER_ECDSA);

  private CertifiedDemo() {}

  static Workspace create() {
    Workspace ws = DemoWorkspace.create();
    NodeCertificateIssuer issuer = new NodeCertificateIssuer();
    for (Cluster c : ws.clusters()) {
      List<NodeKeyMaterial> issued = issuer.issueAll(c, TYPES, Instant.now(), Duration.ofDays(365),
          ProgressListener.NONE);
      List<Node> nodes = new ArrayList<>();
      for (Node n : c.nodes()) {
        nodes.add(n.withCertificates(issued.stream().filter(m -> m.nodeName().equals(n.name()))
            .map(NodeKeyMaterial::model).toList()));
      }
      ws = ws.withCluster(c.withNodes(nodes).withTrustStores(TrustStores.EMPTY));
    }
    return ws;
  }
}
