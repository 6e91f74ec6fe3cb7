package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustRuleTest extends RuleTestSupport {
  Rule rule() {
    return new TrustRule();
  }

  private static String osakaCert(CertificateType type) {
    Cluster osaka = Fixtures.baseline().clusters().get(1);
    return osaka.nodes().get(1).certificates().stream().filter(c -> c.type() == type).findFirst().orElseThrow()
        .sha256();
  }

  private static List<String> without(List<String> list, String item) {
    List<String> out = new ArrayList<>(list);
    assertThat(out.remove(item)).isTrue();
    return out;
  }

  @Test
  void tomcatCertificateOfTheOtherClusterNotTrusted() {
    String fp = osakaCert(CertificateType.TOMCAT);
    Workspace ws = first(c -> c.withTrustStores(c.trustStores().withTomcatTrust(without(c.trustStores().tomcatTrust(), fp))));
    Diagnostic d = only(ws, "trust.missingRemoteCert", "$.clusters[0].trustStores.tomcatTrust", 208, Severity.ERROR);
    assertThat(d.message()).contains("cucm-sub1.osaka.example.com").contains("Tomcat-trust");
  }

  @Test
  void callManagerCertificateOfTheOtherClusterNotTrusted() {
    String fp = osakaCert(CertificateType.CALL_MANAGER);
    Workspace ws = first(c -> c.withTrustStores(
        c.trustStores().withCallManagerTrust(without(c.trustStores().callManagerTrust(), fp))));
    only(ws, "trust.missingRemoteCert", "$.clusters[0].trustStores.callManagerTrust", 208, Severity.ERROR);
  }

  @Test
  void expiredTomcatCertificate() {
    Workspace ws = first(c -> c.withNodes(replace(c.nodes(), 0, n -> n.withCertificates(replace(n.certificates(),
        indexOf(n.certificates(), CertificateType.TOMCAT), k -> new Certificate(k.type(), k.subject(), k.sha256(),
            k.notBefore(), Instant.parse("2026-05-01T00:00:00Z"), k.pem()))))));
    only(ws, "cert.expired", "$.clusters[0].nodes[0].certificates[" + indexOf(
        Fixtures.baseline().clusters().get(0).nodes().get(0).certificates(), CertificateType.TOMCAT) + "].notAfter",
        208, Severity.ERROR);
  }

  private static int indexOf(List<Certificate> certs, CertificateType type) {
    for (int i = 0; i < certs.size(); i++) {
      if (certs.get(i).type() == type) {
        return i;
      }
    }
    throw new AssertionError("no " + type);
  }
}
