package dev.emcc.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which table of the seed an error code comes from. */
public enum ErrorSource {
  /** Extension Mobility application (the phone service, EMApp). */
  EM_APP("emApp"),
  /** Extension Mobility service (EMService). */
  EM_SERVICE("emService");

  private final String json;

  ErrorSource(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
