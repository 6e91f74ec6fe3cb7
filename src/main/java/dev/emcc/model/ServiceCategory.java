package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Phone service category. */
public enum ServiceCategory {
  XML_SERVICE("xmlService"),
  JAVA_MIDLET("javaMidlet");

  private final String json;

  ServiceCategory(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
