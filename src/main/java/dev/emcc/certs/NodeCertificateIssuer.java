package dev.emcc.certs;

import dev.emcc.model.Cluster;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Node;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues self-signed node certificates the way a Unified CM node holds them: RSA 2048 for
 * CallManager, Tomcat, CAPF, TFTP, TVS and ITLRecovery; EC P-256 for the two ECDSA types. Subject
 * alternative names carry the node's name and address. BouncyCastle only builds the certificate;
 * keys, signatures and parsing use the JDK's providers (BouncyCastle is never registered).
 */
public final class NodeCertificateIssuer {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private final SecureRandom random;

  public NodeCertificateIssuer() {
    this(new SecureRandom());
  }

  public NodeCertificateIssuer(SecureRandom random) {
    this.random = random;
  }

  public static boolean isEcdsa(CertificateType type) {
    return type == CertificateType.CALL_MANAGER_ECDSA || type == CertificateType.TOMCAT_ECDSA;
  }

  /** One certificate for one node, valid from {@code notBefore} for {@code validity}. */
  public NodeKeyMaterial issue(String clusterId, Node node, CertificateType type, Instant notBefore, Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    try {
      KeyPair keys = keyPair(type);
      X500Name subject = subject(clusterId, node, type);
      Instant notAfter = notBefore.plus(validity);
      // self-signed: the issuer is the subject, the same X500Name object, so the order cannot differ
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(127, random).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
          subject, keys.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(node));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(isEcdsa(type)
          ? KeyUsage.digitalSignature | KeyUsage.keyAgreement
          : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      ContentSigner signer = new JcaContentSignerBuilder(isEcdsa(type) ? "SHA256withECDSA" : "SHA256withRSA")
          .setSecureRandom(random).build(keys.getPrivate());
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new NodeKeyMaterial(clusterId, node.name(), type, keys.getPrivate(), cert);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot issue a " + type.json() + " certificate for " + node.name(), e);
    }
  }

  /** Certificates of the given types for every node of the cluster, in node order. */
  public List<NodeKeyMaterial> issueAll(Cluster cluster, Collection<CertificateType> types, Instant notBefore,
      Duration validity, ProgressListener listener) {
    List<NodeKeyMaterial> out = new ArrayList<>();
    int total = cluster.nodes().size() * types.size();
    for (Node node : cluster.nodes()) {
      for (CertificateType type : types) {
        out.add(issue(cluster.clusterId(), node, type, notBefore, validity));
        listener.onProgress(Progress.of(out.size(), total, "progress.issued", type.json(), node.name()));
      }
    }
    return List.copyOf(out);
  }

  private KeyPair keyPair(CertificateType type) throws GeneralSecurityException {
    if (isEcdsa(type)) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), random);
      return g.generateKeyPair();
    }
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, random);
    return g.generateKeyPair();
  }

  /** CN as Unified CM names them: the host name, "-EC" for ECDSA, prefixes for CAPF, TVS, ITLRecovery. */
  static X500Name subject(String clusterId, Node node, CertificateType type) {
    String cn = switch (type) {
      case CALL_MANAGER, TOMCAT, TFTP -> node.name();
      case CALL_MANAGER_ECDSA, TOMCAT_ECDSA -> node.name() + "-EC";
      case CAPF -> "CAPF-" + node.name();
      case TVS -> "TVS-" + node.name();
      case ITL_RECOVERY -> "ITLRECOVERY_" + node.name();
    };
    // DER order runs from the most general RDN to the most specific; RFC 2253 prints it reversed,
    // so this reads "CN=...,OU=...,O=..." as Unified CM shows it
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, clusterId)
        .addRDN(BCStyle.OU, type.json())
        .addRDN(BCStyle.CN, cn)
        .build();
  }

  private static GeneralNames subjectAltNames(Node node) {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, node.name()));
    String address = node.address();
    if (address != null && !address.isBlank() && !address.equalsIgnoreCase(node.name())) {
      names.add(new GeneralName(isIpLiteral(address) ? GeneralName.iPAddress : GeneralName.dNSName, address));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static boolean isIpLiteral(String address) {
    if (IPV4.matcher(address).matches()) {
      return true;
    }
    if (!address.contains(":")) {
      return false;
    }
    try {
      // a literal with ':' is parsed without a name lookup
      InetAddress.getByName(address);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
