package dev.emcc.rules;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a diagnostic is. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  INFO("info");

  private final String json;

  Severity(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
