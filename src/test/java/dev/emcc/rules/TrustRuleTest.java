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
    // a subscriber neither EMService talks through: incomplete trust, but no login fails on it
    Diagnostic d = only(ws, "trust.missingRemoteCert", "$.clusters[0].trustStores.tomcatTrust", null, Severity.ERROR);
    assertThat(d.message()).contains("cucm-sub1.osaka.example.com").contains("Tomcat-trust");
  }

  @Test
  void tomcatCertificateOfTheNodeTheEmServicesTalkThroughNotTrusted() {
    // Osaka's publisher: Tokyo's entry names it; both its Tomcat certificates (RSA and ECDSA) untrusted
    Cluster osaka = Fixtures.baseline().clusters().get(1);
    List<String> pub = osaka.nodes().get(0).certificates().stream()
        .filter(c -> c.type() == CertificateType.TOMCAT || c.type() == CertificateType.TOMCAT_ECDSA)
        .map(Certificate::sha256).toList();
    Workspace ws = first(c -> c.withTrustStores(c.trustStores().withTomcatTrust(
        c.trustStores().tomcatTrust().stream().filter(f -> !pub.contains(f)).toList())));
    assertThat(Fixtures.run(rule(), ws)).filteredOn(d -> d.message().contains("cucm-pub.osaka.example.com"))
        .isNotEmpty().allSatisfy(d -> assertThat(d.predictedError()).isEqualTo(208));
    // the login agrees: alice at Osaka gets 208 (Tokyo distrusts the Osaka node that calls it)
    assertThat(dev.emcc.sim.PredictedLogin.failingWith(ws, dev.emcc.sim.PredictedLogin.Subject.cluster("TOKYO"), 208))
        .isPresent();
  }

  @Test
  void callManagerCertificateOfTheOtherClusterNotTrusted() {
    String fp = osakaCert(CertificateType.CALL_MANAGER);
    Workspace ws = first(c -> c.withTrustStores(
        c.trustStores().withCallManagerTrust(without(c.trustStores().callManagerTrust(), fp))));
    // the EMServices trust each other through Tomcat certificates: no login code
    only(ws, "trust.missingRemoteCert", "$.clusters[0].trustStores.callManagerTrust", null, Severity.ERROR);
  }

  @Test
  void expiredTomcatCertificate() {
    Workspace ws = first(c -> c.withNodes(replace(c.nodes(), 0, n -> n.withCertificates(replace(n.certificates(),
        indexOf(n.certificates(), CertificateType.TOMCAT), k -> new Certificate(k.type(), k.subject(), k.sha256(),
            k.notBefore(), Instant.parse("2026-05-01T00:00:00Z"), k.pem()))))));
    only(ws, "cert.expired", "$.clusters[0].nodes[0].certificates[" + indexOf(
        Fixtures.baseline().clusters().get(0).nodes().get(0).certificates(), CertificateType.TOMCAT) + "].notAfter",
        null, Severity.ERROR); // tomcat-trust pins certificates: the simulator does not check dates
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
