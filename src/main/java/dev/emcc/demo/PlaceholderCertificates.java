package dev.emcc.demo;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Node;
import dev.emcc.model.TrustStores;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Node certificates with stable placeholder fingerprints (hex SHA-256 of "demo:NODE:TYPE"), and
 * the trust stores that importing another cluster's certificates produces. Stands in until real
 * certificates are generated for the demo.
 */
final class PlaceholderCertificates {
  static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2031-01-01T00:00:00Z");

  private PlaceholderCertificates() {}

  /**
   * What a node holds given its role: every node has Tomcat, CallManager (RSA and ECDSA) and TVS;
   * a TFTP node its TFTP certificate; the publisher the cluster's CAPF and ITLRecovery.
   */
  static List<Certificate> forNode(String node, boolean publisher, boolean tftp) {
    List<CertificateType> types = new ArrayList<>(List.of(CertificateType.TOMCAT, CertificateType.TOMCAT_ECDSA,
        CertificateType.CALL_MANAGER, CertificateType.CALL_MANAGER_ECDSA, CertificateType.TVS));
    if (tftp) {
      types.add(CertificateType.TFTP);
    }
    if (publisher) {
      types.add(CertificateType.CAPF);
      types.add(CertificateType.ITL_RECOVERY);
    }
    return types.stream()
        .map(t -> new Certificate(t, "CN=" + node, fingerprint(node, t), NOT_BEFORE, NOT_AFTER, null))
        .toList();
  }

  /** The placeholder fingerprint: upper-case hex SHA-256 of "demo:NODE:TYPE". */
  static String fingerprint(String node, CertificateType type) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("demo:" + node + ":" + type.json()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * The trust stores after importing the consolidated bundle of the given (remote) nodes, placed
   * as reference section 7 maps them: Tomcat to Tomcat-trust; CallManager and ITLRecovery to
   * CallManager-trust and Phone-SAST-trust; CAPF to CallManager-trust. ECDSA variants go beside
   * their RSA counterparts; TVS and TFTP certificates are not imported.
   */
  static TrustStores trustFor(Collection<Node> remoteNodes) {
    List<String> callManager = new ArrayList<>();
    List<String> tomcat = new ArrayList<>();
    List<String> phoneSast = new ArrayList<>();
    for (Node n : remoteNodes) {
      for (Certificate c : n.certificates()) {
        switch (c.type()) {
          case TOMCAT, TOMCAT_ECDSA -> tomcat.add(c.sha256());
          case CALL_MANAGER, CALL_MANAGER_ECDSA, ITL_RECOVERY -> {
            callManager.add(c.sha256());
            phoneSast.add(c.sha256());
          }
          case CAPF -> callManager.add(c.sha256());
          case TFTP, TVS -> { }
        }
      }
    }
    return new TrustStores(callManager, tomcat, phoneSast, List.of());
  }
}
