package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Device protocol. */
public enum Protocol {
  SCCP("sccp"),
  SIP("sip");

  private final String json;

  Protocol(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
