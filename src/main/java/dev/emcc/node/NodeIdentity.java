package dev.emcc.node;

import dev.emcc.certs.Fingerprints;
import dev.emcc.format.AtomicFiles;
import dev.emcc.format.OwnerOnly;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A node's identity, kept in its data folder with owner-only permissions: a self-signed EC P-256
 * certificate (the console pins its SHA-256 fingerprint) and an API token (32 random bytes,
 * base64url). Both are created on first start; {@link #created()} says whether this start did it,
 * so the secrets are printed once and never again.
 */
public final class NodeIdentity {
  static final String KEYSTORE_FILE = "node-identity.p12";
  static final String TOKEN_FILE = "api-token";
  /** The keystore file is protected by its permissions; PKCS12 still wants a password. */
  private static final char[] KEYSTORE_PASSWORD = "emcc-node".toCharArray();
  private static final String ALIAS = "node";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String token;
  private final boolean created;

  private NodeIdentity(PrivateKey key, X509Certificate certificate, String token, boolean created) {
    this.key = key;
    this.certificate = certificate;
    this.token = token;
    this.created = created;
  }

  /** Loads the identity of the node in {@code dir}, creating it on first start. */
  public static NodeIdentity loadOrCreate(Path dir, List<String> extraNames) throws IOException {
    OwnerOnly.privateDirectory(dir); // the node's data folder: its key, token and store

    Path ks = dir.resolve(KEYSTORE_FILE);
    Path tok = dir.resolve(TOKEN_FILE);
    try {
      if (Files.exists(ks) && Files.exists(tok)) {
        KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
        try (var in = Files.newInputStream(ks)) {
          store.load(in, KEYSTORE_PASSWORD);
        }
        String token = Files.readString(tok, StandardCharsets.US_ASCII).trim();
        if (token.isEmpty()) {
          throw new IOException(tok + " is empty: delete it and " + KEYSTORE_FILE + " to make a new identity");
        }
        return new NodeIdentity((PrivateKey) store.getKey(ALIAS, KEYSTORE_PASSWORD),
            (X509Certificate) store.getCertificate(ALIAS), token, false);
      }
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair pair = gen.generateKeyPair();
      X509Certificate cert = selfSigned(pair, names(extraNames));
      KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
      store.load(null, null);
      store.setKeyEntry(ALIAS, pair.getPrivate(), KEYSTORE_PASSWORD, new X509Certificate[] {cert});
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      store.store(buf, KEYSTORE_PASSWORD);
      byte[] raw = new byte[32];
      RANDOM.nextBytes(raw);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      AtomicFiles.writeOwnerOnly(ks, buf.toByteArray());
      AtomicFiles.writeOwnerOnly(tok, (token + "\n").getBytes(StandardCharsets.US_ASCII));
      return new NodeIdentity(pair.getPrivate(), cert, token, true);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot load or create the node's certificate in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> names(List<String> extra) {
    Set<String> names = new LinkedHashSet<>();
    names.add("localhost");
    names.add("127.0.0.1");
    names.add("::1");
    try {
      InetAddress local = InetAddress.getLocalHost();
      names.add(local.getHostName());
      names.add(local.getHostAddress());
    } catch (IOException e) {
      // no resolvable host name: localhost and the loopback addresses still name the node
    }
    names.addAll(extra);
    return new ArrayList<>(names);
  }

  private static X509Certificate selfSigned(KeyPair pair, List<String> names)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject = new X500Name("CN=" + names.get(names.size() > 3 ? 3 : 0).replaceAll("[,=+<>#;\"\\\\]", "_")
        + ",O=EMCC Console node");
    Instant now = Instant.now();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
        new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
    List<GeneralName> sans = new ArrayList<>();
    for (String n : names) {
      boolean ip = n.matches("[0-9.]+") || n.contains(":");
      sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
    }
    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    // BouncyCastle only builds and signs; the JDK's providers stay first everywhere else.
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
    return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(cert.getEncoded()));
  }

  /** A server-side TLS context presenting this identity. */
  public SSLContext sslContext() throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, KEYSTORE_PASSWORD, new X509Certificate[] {certificate});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, KEYSTORE_PASSWORD);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, RANDOM);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String token() {
    return token;
  }

  public boolean created() {
    return created;
  }

  /** The certificate's SHA-256 fingerprint, upper-case hex with colons (AB:CD:...). */
  public String fingerprint() {
    return Fingerprints.pinned(certificate);
  }
}
