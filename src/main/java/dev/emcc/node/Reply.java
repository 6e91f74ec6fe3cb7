package dev.emcc.node;

import java.util.Map;

/**
 * An answer to write: status, content type, body, extra headers, and whether the connection is
 * closed after it (a request whose body was not read to its end leaves the stream unusable).
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers, boolean close) {
  Reply {
    headers = Map.copyOf(headers);
  }

  Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    this(status, contentType, body, headers, false);
  }

  Reply closing() {
    return new Reply(status, contentType, body, headers, true);
  }
}
