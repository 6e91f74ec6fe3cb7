package dev.emcc.certs;

import dev.emcc.certs.CertificateTransferException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PKCS12Attribute;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The certificates of a bulk export or consolidation: trusted-certificate entries of a PKCS12
 * file (the JDK's PKCS12), each named {@code cluster/node/type}. No private keys ever.
 */
public final class CertificateBundle {
  private static final String FRIENDLY_NAME = "1.2.840.113549.1.9.20";

  /** One certificate of the bundle and whose it is. */
  public record Entry(BundleAlias alias, X509Certificate certificate) {
    public String sha256() {
      return Fingerprints.sha256Hex(CertificateCodec.der(certificate));
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private int ignored;

  public CertificateBundle() {}

  public CertificateBundle(List<Entry> entries) {
    entries.forEach(this::add);
  }

  /** Adds or replaces (same cluster, node and type) an entry. */
  public void add(Entry entry) {
    entries.put(entry.alias().text().toLowerCase(java.util.Locale.ROOT), entry);
  }

  public void addAll(CertificateBundle other) {
    other.entries().forEach(this::add);
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The clusters whose certificates the bundle holds, sorted. */
  public Set<String> clusters() {
    Set<String> out = new TreeSet<>();
    entries.values().forEach(e -> out.add(e.alias().clusterId()));
    return Collections.unmodifiableSet(out);
  }

  /** Entries read from a file whose names were not {@code cluster/node/type}: left out. */
  public int ignored() {
    return ignored;
  }

  public List<String> fingerprints() {
    return entries.values().stream().map(Entry::sha256).toList();
  }

  public byte[] toPkcs12(char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (Entry e : entries.values()) {
        // the friendly name keeps the case the JDK's alias loses
        ks.setEntry(e.alias().text(), new KeyStore.TrustedCertificateEntry(e.certificate(),
            Set.of(new PKCS12Attribute(FRIENDLY_NAME, e.alias().text()))), null);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write a PKCS12 bundle", e);
    }
  }

  /**
   * Reads a PKCS12 file; {@code source} names it in errors. A file that is not PKCS12 and a wrong
   * password are told apart: the JDK signals the latter with an {@link UnrecoverableKeyException}.
   */
  public static CertificateBundle fromPkcs12(byte[] data, char[] password, String source)
      throws CertificateTransferException {
    KeyStore ks;
    try {
      ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(data), password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new CertificateTransferException(Reason.WRONG_PKCS12_PASSWORD, e, source);
      }
      throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
    }
    CertificateBundle bundle = new CertificateBundle();
    try {
      for (String alias : Collections.list(ks.aliases())) {
        if (!ks.isCertificateEntry(alias) || !(ks.getCertificate(alias) instanceof X509Certificate cert)) {
          bundle.ignored++;
          continue;
        }
        String name = friendlyName(ks, alias);
        var parsed = BundleAlias.parse(name);
        if (parsed.isEmpty()) {
          bundle.ignored++;
          continue;
        }
        bundle.add(new Entry(parsed.get(), cert));
      }
    } catch (GeneralSecurityException e) {
      throw new CertificateTransferException(Reason.NOT_PKCS12, e, source);
    }
    return bundle;
  }

  private static String friendlyName(KeyStore ks, String alias) throws GeneralSecurityException {
    KeyStore.Entry entry = ks.getEntry(alias, null);
    for (KeyStore.Entry.Attribute a : entry.getAttributes()) {
      if (FRIENDLY_NAME.equals(a.getName())) {
        return a.getValue();
      }
    }
    return alias;
  }

  public static List<Entry> sorted(List<Entry> entries) {
    List<Entry> out = new ArrayList<>(entries);
    out.sort(java.util.Comparator.comparing(e -> e.alias().text()));
    return out;
  }
}
