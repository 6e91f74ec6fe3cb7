package dev.emcc.certs;

import dev.emcc.model.CertificateType;
import java.util.Optional;

/**
 * Names an entry of a PKCS12 file: {@code clusterId/nodeName/type}. The JDK lowercases PKCS12
 * aliases but keeps the friendly name as written, so the friendly name is what gets parsed.
 */
public record BundleAlias(String clusterId, String nodeName, CertificateType type) {
  public BundleAlias {
    if (clusterId == null || clusterId.isBlank() || clusterId.contains("/")) {
      throw new IllegalArgumentException("cluster id must be non-empty and without '/': " + clusterId);
    }
    if (nodeName == null || nodeName.isBlank() || nodeName.contains("/")) {
      throw new IllegalArgumentException("node name must be non-empty and without '/': " + nodeName);
    }
  }

  public String text() {
    return clusterId + "/" + nodeName + "/" + type.json();
  }

  public static Optional<BundleAlias> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split("/", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
      return Optional.empty();
    }
    for (CertificateType t : CertificateType.values()) {
      if (t.json().equalsIgnoreCase(parts[2])) {
        return Optional.of(new BundleAlias(parts[0], parts[1], t));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text();
  }
}
