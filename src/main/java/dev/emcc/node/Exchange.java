package dev.emcc.node;

import java.util.function.UnaryOperator;

/**
 * One request as the node's endpoints see it, free of the HTTP server that carried it: method,
 * raw path and query, headers, whether it came over TLS, and its body once read in full.
 */
final class Exchange {
  private final String method;
  private final String path;
  private final String query;
  private final UnaryOperator<String> headers;
  private final boolean secure;
  private final String remote;
  private byte[] body = new byte[0];

  Exchange(String method, String path, String query, UnaryOperator<String> headers, boolean secure, String remote) {
    this.method = method;
    this.path = path == null ? "/" : path;
    this.query = query;
    this.headers = headers;
    this.secure = secure;
    this.remote = remote;
  }

  /** The client's address (for the log, and the EM service's trusted addresses). */
  String remote() {
    return remote;
  }

  String method() {
    return method;
  }

  /** The raw (still percent-encoded) path. */
  String path() {
    return path;
  }

  /** The raw query, or null. */
  String query() {
    return query;
  }

  /** The first value of a header, or null. */
  String header(String name) {
    return headers.apply(name);
  }

  boolean secure() {
    return secure;
  }

  byte[] body() {
    return body;
  }

  void body(byte[] bytes) {
    this.body = bytes;
  }
}
