package dev.emcc.sync;

import dev.emcc.certs.Fingerprints;
import java.net.URI;

/**
 * A registered node: its base URL, the pinned SHA-256 fingerprint of its certificate, its API
 * token and the cluster it served when registered. The token is a secret: it lives only in the
 * nodes file (owner-only) and is never written into a workspace export.
 */
public record NodeRef(String url, String fingerprint, String token, String clusterId) {
  public NodeRef {
    url = normalizeUrl(url);
    fingerprint = Fingerprints.normalize(fingerprint);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a node needs its API token");
    }
    token = token.trim();
  }

  /** https://host:port without a trailing slash; anything but https is refused. */
  public static String normalizeUrl(String url) {
    URI u;
    try {
      u = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException("a node's URL is https://HOST:PORT, not " + url);
    }
    String s = url.trim();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public String toString() {
    return url + (clusterId == null ? "" : " (" + clusterId + ")");
  }
}
