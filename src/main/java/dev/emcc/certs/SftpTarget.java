package dev.emcc.certs;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the bulk files go: {@code sftp://user@host[:port]/directory}. The directory is taken as
 * written (absolute from the server's root); an empty path is the login directory.
 */
public record SftpTarget(String user, String host, int port, String directory) {
  public static final int DEFAULT_PORT = 22;

  public SftpTarget {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("the SFTP URL needs a user: sftp://user@host/dir");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the SFTP URL needs a host: sftp://user@host/dir");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SFTP port out of range 1-65535: " + port);
    }
    directory = directory == null || directory.isEmpty() ? "." : directory;
  }

  /** Parses {@code sftp://user@host:port/dir}; a clear {@link IllegalArgumentException} otherwise. */
  public static SftpTarget parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an SFTP URL (sftp://user@host:port/dir): " + url);
    }
    if (!"sftp".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("not an SFTP URL (sftp://user@host:port/dir): " + url);
    }
    if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
      throw new IllegalArgumentException(
          "put no password in the SFTP URL: use --password-file or EMCC_SFTP_PASSWORD");
    }
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("the SFTP URL needs a host: " + url);
    }
    return new SftpTarget(uri.getUserInfo(), host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
        uri.getPath());
  }

  /** A file of the directory. */
  public String path(String fileName) {
    return directory.endsWith("/") ? directory + fileName : directory + "/" + fileName;
  }

  @Override
  public String toString() {
    return "sftp://" + user + "@" + host + (port == DEFAULT_PORT ? "" : ":" + port)
        + (directory.startsWith("/") ? directory : "/" + directory);
  }
}
