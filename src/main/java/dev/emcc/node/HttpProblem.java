package dev.emcc.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;

/** A request the node refuses: an HTTP status and a JSON body saying why (never a stack trace). */
final class HttpProblem extends RuntimeException {
  final int status;
  final ObjectNode body;

  HttpProblem(int status, String error) {
    super(error, null, false, false);
    this.status = status;
    this.body = Json.mapper().createObjectNode().put("error", error);
  }

  HttpProblem(int status, ObjectNode body) {
    super(body.path("error").asText(), null, false, false);
    this.status = status;
    this.body = body;
  }
}
