package dev.emcc.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's last bulk certificate export (Bulk Certificate Management > Export): when it ran,
 * the file it wrote on the SFTP server and the SHA-256 fingerprints it held. A certificate
 * regenerated after {@code exportedAt} (or missing from {@code fingerprints}) makes the export
 * stale: remote clusters still trust the old one.
 */
public record CertificateExport(Instant exportedAt, String file, List<String> fingerprints) {
  public CertificateExport {
    List<String> out = new ArrayList<>();
    for (String f : Defaults.list(fingerprints)) {
      out.add(f.replace(":", "").toUpperCase(java.util.Locale.ROOT));
    }
    fingerprints = List.copyOf(out);
  }
}
