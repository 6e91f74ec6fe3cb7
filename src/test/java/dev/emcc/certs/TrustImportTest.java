package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.TrustImport.RestartReason;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DevicePool;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import dev.emcc.model.Phone;
import dev.emcc.model.TrustStores;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrustImportTest {
  private static final NodeCertificateIssuer ISSUER = new NodeCertificateIssuer();

  private static CertificateBundle.Entry remote(String cluster, String node, CertificateType type) {
    Node n = new Node(node, "10.9.9.9", false, false, null, null);
    X509Certificate c = ISSUER.issue(cluster, n, type, TestClusters.NOW, Duration.ofDays(10)).certificate();
    return new CertificateBundle.Entry(new BundleAlias(cluster, node, type), c);
  }

  private static String sha(CertificateBundle.Entry e) {
    return e.sha256();
  }

  @Test
  void eachTypeGoesIntoTheStoresOfTheSeed() {
    Cluster home = Cluster.empty("TOKYO", "14.0");
    Map<CertificateType, CertificateBundle.Entry> entries = new java.util.EnumMap<>(CertificateType.class);
    for (CertificateType t : CertificateType.values()) {
      entries.put(t, remote("OSAKA", "cucm.osaka", t));
    }
    TrustImport.Result r = TrustImport.compute(home, new CertificateBundle(List.copyOf(entries.values())));
    TrustStores s = r.trustStores();
    assertThat(s.callManagerTrust()).containsExactlyInAnyOrder(sha(entries.get(CertificateType.CAPF)),
        sha(entries.get(CertificateType.CALL_MANAGER)), sha(entries.get(CertificateType.CALL_MANAGER_ECDSA)),
        sha(entries.get(CertificateType.ITL_RECOVERY)));
    assertThat(s.tomcatTrust()).containsExactlyInAnyOrder(sha(entries.get(CertificateType.TOMCAT)),
        sha(entries.get(CertificateType.TOMCAT_ECDSA)));
    assertThat(s.phoneSastTrust()).containsExactlyInAnyOrder(sha(entries.get(CertificateType.CALL_MANAGER)),
        sha(entries.get(CertificateType.CALL_MANAGER_ECDSA)), sha(entries.get(CertificateType.ITL_RECOVERY)));
    assertThat(s.capfTrust()).isEmpty();
    assertThat(r.notMapped()).extracting(BundleAlias::type)
        .containsExactlyInAnyOrder(CertificateType.TFTP, CertificateType.TVS);
    assertThat(TrustImport.storesOf(CertificateType.ITL_RECOVERY)).containsExactly("callManagerTrust", "phoneSastTrust");
  }

  @Test
  void ownCertificatesAreSkippedAndExistingTrustIsKept() {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1, EnumSet.of(CertificateType.TOMCAT));
    String existing = "AA".repeat(32);
    tokyo = tokyo.withTrustStores(TrustStores.EMPTY.withTomcatTrust(List.of(existing)));
    String ownSha = tokyo.nodes().get(0).certificates().get(0).sha256();
    CertificateBundle.Entry osaka = remote("OSAKA", "cucm.osaka", CertificateType.TOMCAT);
    // the own certificate under another name is still recognised by its fingerprint
    CertificateBundle.Entry renamedOwn = new CertificateBundle.Entry(
        new BundleAlias("tokyo-old", "x", CertificateType.TOMCAT),
        remote("OSAKA", "y", CertificateType.TOMCAT).certificate());
    CertificateBundle bundle = new CertificateBundle(List.of(osaka, renamedOwn,
        remote("Tokyo", "cucm0", CertificateType.TOMCAT)));
    TrustImport.Result r = TrustImport.compute(tokyo, bundle);
    assertThat(r.ownSkipped()).extracting(BundleAlias::clusterId).containsExactly("Tokyo");
    assertThat(r.trustStores().tomcatTrust()).startsWith(existing).contains(sha(osaka)).doesNotContain(ownSha);

    TrustImport.Result again = TrustImport.compute(r.applyTo(tokyo), bundle);
    assertThat(again.added()).isEmpty();
    assertThat(again.alreadyTrusted()).isEqualTo(2);
    assertThat(again.trustStores()).isEqualTo(r.trustStores());
  }

  @Test
  void restartsFollowTheSeed() {
    Node pub = new Node("pub", "10.1.0.10", true, false, NodeServices.NONE.withCallManager(true), null);
    Node sub = new Node("sub", "10.1.0.11", false, false, NodeServices.NONE.withCallManager(true), null);
    Node tftp = new Node("tftp", "10.1.0.12", false, false, NodeServices.NONE.withTftp(true), null);
    Cluster base = Cluster.empty("TOKYO", "14.0").withNodes(List.of(pub, sub))
        .withDevicePools(List.of(new DevicePool("DP_A", null, null, List.of("pub")),
            new DevicePool("DP_NONE", null, null, List.of("nowhere"))))
        .withPhones(List.of(
            new Phone("P1", null, null, null, false, null, null, "DP_A", null, null),
            new Phone("P2", null, null, null, false, null, null, "DP_NONE", null, null),
            new Phone("P3", null, null, null, false, null, null, null, null, null)));

    // CallManager certificate: all phones only when a node of the cluster runs TFTP
    assertThat(restarts(base, CertificateType.CALL_MANAGER)).isEmpty();
    assertThat(restarts(base.withNodes(List.of(pub, sub, tftp)), CertificateType.CALL_MANAGER_ECDSA))
        .containsOnlyKeys("P1", "P2", "P3").allSatisfy((p, why) -> assertThat(why).containsExactly(RestartReason.CALL_MANAGER));
    // TVS: the phones whose device pool's CallManager group holds a CallManager node
    assertThat(restarts(base, CertificateType.TVS)).containsOnlyKeys("P1");
    // CAPF: all phones only when CAPF is active
    assertThat(restarts(base, CertificateType.CAPF)).isEmpty();
    Cluster capf = base.withNodes(List.of(pub.withServices(pub.services().withCapf(true)), sub));
    assertThat(restarts(capf, CertificateType.CAPF)).containsOnlyKeys("P1", "P2", "P3");
    // Tomcat alone restarts nothing
    assertThat(restarts(capf, CertificateType.TOMCAT)).isEmpty();
  }

  private static Map<String, Set<RestartReason>> restarts(Cluster c, CertificateType type) {
    CertificateBundle b = new CertificateBundle(List.of(remote("OSAKA", "n1", type)));
    return TrustImport.compute(c, b).restarts().stream()
        .collect(Collectors.toMap(TrustImport.PhoneRestart::phone, TrustImport.PhoneRestart::reasons));
  }
}
