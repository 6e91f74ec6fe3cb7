package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Cluster security mode (enterprise parameter). */
public enum SecurityMode {
  NON_SECURE("nonSecure"),
  MIXED("mixed");

  private final String json;

  SecurityMode(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
