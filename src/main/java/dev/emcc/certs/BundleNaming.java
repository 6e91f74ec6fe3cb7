package dev.emcc.certs;

import dev.emcc.certs.BundleFileReport.LeftReason;
import dev.emcc.certs.BundleFileReport.NodeFrom;
import dev.emcc.certs.BundleFileReport.TypeFrom;
import dev.emcc.model.CertificateType;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Names a certificate of a PKCS12 file whose friendly name is not ours ({@code cluster/node/type}):
 * the node from the certificate (subject CN without Unified CM's type decoration, else its first
 * DNS or IP subject alternative name), the type from the friendly name's words, the subject's OU
 * or the CN's decoration (CAPF-, TVS-, ITLRECOVERY_), and the cluster from the file's name
 * ({@code <clusterId>.export.p12}). A certificate whose type nothing names is not guessed: a wrong
 * type would put it into the wrong trust store.
 */
final class BundleNaming {
  /** The outcome: the alias and how it was found (both null when it was ours), or why there is none. */
  record Named(BundleAlias alias, NodeFrom nodeFrom, TypeFrom typeFrom, LeftReason problem) {
    static Named ours(BundleAlias alias) {
      return new Named(alias, null, null, null);
    }

    static Named left(LeftReason problem) {
      return new Named(null, null, null, problem);
    }
  }

  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private BundleNaming() {}

  /** The cluster a file's entries belong to when they do not say: {@code X} of {@code X.export.p12}. */
  static String clusterOf(String fileName) {
    String name = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : List.of(BulkFiles.EXPORT_SUFFIX, ".p12", ".pfx")) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name.isBlank() ? "?" : name;
  }

  static Named name(X509Certificate cert, String friendlyName, String fileName) {
    Optional<BundleAlias> ours = BundleAlias.parse(friendlyName);
    if (ours.isPresent()) {
      return Named.ours(ours.get());
    }
    String cn = subjectValue(cert, "CN");
    TypeFrom typeFrom;
    CertificateType type;
    if ((type = typeIn(friendlyName)) != null) {
      typeFrom = TypeFrom.FRIENDLY_NAME;
    } else if ((type = typeIn(subjectValue(cert, "OU"))) != null) {
      typeFrom = TypeFrom.OU;
    } else if ((type = typeOfCn(cn)) != null) {
      typeFrom = TypeFrom.CN;
    } else {
      return Named.left(LeftReason.TYPE_UNKNOWN);
    }
    String node = undecorated(cn);
    NodeFrom nodeFrom = NodeFrom.CN;
    if (!usable(node)) {
      node = firstAltName(cert);
      nodeFrom = NodeFrom.SAN;
    }
    if (!usable(node)) {
      return Named.left(LeftReason.NO_NODE_NAME);
    }
    String cluster = clusterOf(fileName).replace('/', '_');
    return new Named(new BundleAlias(cluster, node, type), nodeFrom, typeFrom, null);
  }

  private static boolean usable(String s) {
    return s != null && !s.isBlank() && !s.contains("/");
  }

  /** The type a text names by its words (callManager, CallManager-ECDSA, tomcat_ecdsa, ITLRecovery ...); null when none or two. */
  static CertificateType typeIn(String text) {
    if (text == null) {
      return null;
    }
    String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    Set<CertificateType> found = EnumSet.noneOf(CertificateType.class);
    for (int i = 0; i < words.length; i++) {
      boolean ecdsaNext = i + 1 < words.length && words[i + 1].equals("ecdsa");
      switch (words[i]) {
        case "callmanager" -> found.add(ecdsaNext ? CertificateType.CALL_MANAGER_ECDSA : CertificateType.CALL_MANAGER);
        case "callmanagerecdsa" -> found.add(CertificateType.CALL_MANAGER_ECDSA);
        case "tomcat" -> found.add(ecdsaNext ? CertificateType.TOMCAT_ECDSA : CertificateType.TOMCAT);
        case "tomcatecdsa" -> found.add(CertificateType.TOMCAT_ECDSA);
        case "capf" -> found.add(CertificateType.CAPF);
        case "tftp" -> found.add(CertificateType.TFTP);
        case "tvs" -> found.add(CertificateType.TVS);
        case "itlrecovery" -> found.add(CertificateType.ITL_RECOVERY);
        default -> { }
      }
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /** Unified CM's decorated CNs: CAPF-host, TVS-host, ITLRECOVERY_host. */
  private static CertificateType typeOfCn(String cn) {
    if (cn == null) {
      return null;
    }
    String upper = cn.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CAPF-")) {
      return CertificateType.CAPF;
    }
    if (upper.startsWith("TVS-")) {
      return CertificateType.TVS;
    }
    if (upper.startsWith("ITLRECOVERY_")) {
      return CertificateType.ITL_RECOVERY;
    }
    return null;
  }

  /** The host name of a CN without Unified CM's decoration (CAPF-, TVS-, ITLRECOVERY_, -EC). */
  private static String undecorated(String cn) {
    if (cn == null) {
      return null;
    }
    String upper = cn.toUpperCase(Locale.ROOT);
    for (String prefix : List.of("CAPF-", "TVS-", "ITLRECOVERY_")) {
      if (upper.startsWith(prefix) && cn.length() > prefix.length()) {
        return cn.substring(prefix.length());
      }
    }
    if (upper.endsWith("-EC") && cn.length() > 3) {
      return cn.substring(0, cn.length() - 3);
    }
    return cn;
  }

  /** The first value of an attribute of the subject (most specific first), or null. */
  private static String subjectValue(X509Certificate cert, String type) {
    try {
      List<Rdn> rdns = new LdapName(cert.getSubjectX500Principal().getName()).getRdns();
      // LdapName lists the RDNs from the most general; the CN is the last
      for (int i = rdns.size() - 1; i >= 0; i--) {
        if (rdns.get(i).getType().equalsIgnoreCase(type)) {
          return String.valueOf(rdns.get(i).getValue());
        }
      }
    } catch (InvalidNameException e) {
      return null;
    }
    return null;
  }

  private static String firstAltName(X509Certificate cert) {
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names == null) {
        return null;
      }
      for (List<?> n : names) {
        if (n.size() >= 2 && (Integer.valueOf(DNS_NAME).equals(n.get(0)) || Integer.valueOf(IP_ADDRESS).equals(n.get(0)))
            && n.get(1) instanceof String s) {
          return s;
        }
      }
    } catch (CertificateParsingException e) {
      return null;
    }
    return null;
  }
}
