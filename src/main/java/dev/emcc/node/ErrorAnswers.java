package dev.emcc.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How each endpoint says no, in its own clients' language: JSON {@code {"error": "..."}} for the
 * REST API, an EM API {@code <failure>} document for the EMService (a SOAP fault joins here for a
 * SOAP endpoint). The one place where an HTTP status and one of our own messages become an answer
 * body, for refusals of the endpoints and for requests the HTTP layer could not read.
 */
final class ErrorAnswers {
  /** The language of an endpoint's answers. */
  enum Dialect { JSON, EM_XML, SOAP }

  static final String JSON_TYPE = "application/json";
  static final String XML_TYPE = "text/xml; charset=utf-8";

  private ErrorAnswers() {}

  /** A refusal with our own one-line message. */
  static Reply error(Dialect dialect, int status, String message) {
    if (dialect == Dialect.SOAP) {
      return new Reply(status, XML_TYPE, dev.emcc.axl.Soap.fault(new dev.emcc.axl.AxlFault(
          status == 400 ? dev.emcc.axl.AxlFault.INVALID_VALUE : dev.emcc.axl.AxlFault.UNKNOWN_REQUEST, message, null)),
          Map.of());
    }
    return dialect == Dialect.EM_XML
        ? new Reply(status, XML_TYPE, EmXml.failure(emCode(status), message).getBytes(StandardCharsets.UTF_8), Map.of())
        : json(status, Json.mapper().createObjectNode().put("error", message), Map.of());
  }

  /** A request that could not be read; the connection closes after it when the stream is spoilt. */
  static Reply unreadable(Dialect dialect, Unreadable u) {
    Reply r = error(dialect, u.status(), u.getMessage());
    return u.close() ? r.closing() : r;
  }

  /** A failure of ours: nothing about it leaves the node but that nothing was changed. */
  static Reply internal(Dialect dialect) {
    return error(dialect, 500, "internal error; nothing was changed");
  }

  static Reply json(int status, ObjectNode body, Map<String, String> headers) {
    try {
      return new Reply(status, JSON_TYPE, Json.mapper().writer()
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body), headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The EMService error code for an HTTP refusal: a request it could not read is a parse error
   * (1), a refused token an invalid application user (3), anything else unknown (0).
   */
  static int emCode(int status) {
    return switch (status) {
      case 400, 408, 411, 413, 414, 415, 431 -> EmService.PARSE_ERROR;
      case 401, 403 -> EmService.INVALID_APP_USER;
      default -> EmService.UNKNOWN;
    };
  }
}
