package dev.emcc.node;

/**
 * Where a node listens: the HTTPS port (every endpoint) and, when given, a plain HTTP port on the
 * same address for the endpoints that CUCM also serves without TLS (the EM API on 8080); the
 * REST API is never served in clear.
 *
 * @param bind the address both listen on
 * @param httpsPort TCP port for HTTPS, 0 for any free port
 * @param httpPort TCP port for plain HTTP, 0 for any free port, null for none
 */
public record Listeners(String bind, int httpsPort, Integer httpPort) {
  public Listeners {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("an address to listen on is required");
    }
    checkPort(httpsPort);
    if (httpPort != null) {
      checkPort(httpPort);
    }
  }

  /** HTTPS only. */
  public static Listeners https(String bind, int port) {
    return new Listeners(bind, port, null);
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
    }
  }
}
