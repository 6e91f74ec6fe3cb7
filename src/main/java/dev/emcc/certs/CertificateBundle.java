package dev.emcc.certs;

import dev.emcc.certs.BundleFileReport.LeftReason;
import dev.emcc.certs.CertificateTransferException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PKCS12Attribute;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The certificates of a bulk export or consolidation, each named {@code cluster/node/type}. Written
 * as the JDK's PKCS12 (trusted-certificate entries with the friendly name), read from any standard
 * PKCS12. No private keys ever.
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
  private BundleFileReport report;

  public CertificateBundle() {}

  public CertificateBundle(List<Entry> entries) {
    entries.forEach(this::add);
  }

  /** Adds or replaces (same cluster, node and type) an entry. */
  public void add(Entry entry) {
    entries.put(key(entry.alias()), entry);
  }

  /** The entry of the same cluster, node and type, if any. */
  public java.util.Optional<Entry> get(BundleAlias alias) {
    return java.util.Optional.ofNullable(entries.get(key(alias)));
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
   * Reads any standard PKCS12 file ({@link Pkcs12Contents}); {@code source} names it in errors and
   * in the report, and its name gives the cluster of entries not named {@code cluster/node/type}
   * ({@link BundleNaming}). Certificates are taken; private keys and everything else are left and
   * said so in {@link #report()}. A file that yields no certificate is an error naming it.
   */
  public static CertificateBundle fromPkcs12(byte[] data, char[] password, String source)
      throws CertificateTransferException {
    Pkcs12Contents contents = Pkcs12Contents.read(data, password, source);
    CertificateBundle bundle = new CertificateBundle();
    List<BundleFileReport.Taken> taken = new ArrayList<>();
    List<BundleFileReport.Left> left = new ArrayList<>();
    for (Pkcs12Contents.OtherItem other : contents.others()) {
      left.add(new BundleFileReport.Left(other.friendlyName(), other.kind()));
    }
    for (Pkcs12Contents.CertificateItem item : contents.certificates()) {
      String subject = item.certificate().getSubjectX500Principal().getName();
      String what = item.friendlyName() != null ? item.friendlyName() : subject;
      BundleNaming.Named named = BundleNaming.name(item.certificate(), item.friendlyName(), source);
      if (named.alias() == null) {
        left.add(new BundleFileReport.Left(what, named.problem()));
        continue;
      }
      String key = key(named.alias());
      if (bundle.entries.containsKey(key)) {
        // the same name twice in one file: the later entry wins, the earlier is said to be left
        taken.removeIf(t -> key(t.alias()).equals(key));
        left.add(new BundleFileReport.Left(named.alias().text() + " (" + bundle.entries.get(key).certificate()
            .getSubjectX500Principal().getName() + ")", LeftReason.REPLACED));
      }
      bundle.add(new Entry(named.alias(), item.certificate()));
      taken.add(new BundleFileReport.Taken(named.alias(), subject, named.nodeFrom(), named.typeFrom()));
    }
    bundle.report = new BundleFileReport(source, taken, left);
    if (taken.isEmpty()) {
      throw new CertificateTransferException(Reason.NO_CERTIFICATES, null, source,
          (CertsMessages.Localized) bundle.report::leftSummary);
    }
    return bundle;
  }

  /** What reading the file took and left; null for a bundle not read from a file. */
  public BundleFileReport report() {
    return report;
  }

  private static String key(BundleAlias alias) {
    return alias.text().toLowerCase(java.util.Locale.ROOT);
  }

  public static List<Entry> sorted(List<Entry> entries) {
    List<Entry> out = new ArrayList<>(entries);
    out.sort(java.util.Comparator.comparing(e -> e.alias().text()));
    return out;
  }
}
