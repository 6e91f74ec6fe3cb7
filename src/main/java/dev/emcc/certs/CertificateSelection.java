package dev.emcc.certs;

import dev.emcc.model.CertificateType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The Certificate Type field of the bulk windows: All, or one type. */
public record CertificateSelection(CertificateType only) {
  public static final CertificateSelection ALL = new CertificateSelection(null);

  public boolean includes(CertificateType type) {
    return only == null || only == type;
  }

  public Set<CertificateType> types() {
    return only == null ? EnumSet.allOf(CertificateType.class) : EnumSet.of(only);
  }

  /** "all" or a type's JSON name ("tomcat", "callManagerEcdsa", ...), case-insensitive. */
  public static CertificateSelection parse(String text) {
    if (text == null || text.equalsIgnoreCase("all")) {
      return ALL;
    }
    for (CertificateType t : CertificateType.values()) {
      if (t.json().equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text.replace('-', '_'))) {
        return new CertificateSelection(t);
      }
    }
    StringBuilder names = new StringBuilder("all");
    for (CertificateType t : CertificateType.values()) {
      names.append(", ").append(t.json());
    }
    throw new IllegalArgumentException("unknown certificate type '" + text + "': one of " + names);
  }

  public String text() {
    return only == null ? "all" : only.json().toLowerCase(Locale.ROOT);
  }
}
