package dev.emcc.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which table an error code comes from: the seed's two, or the EM API documentation's. */
public enum ErrorSource {
  /** Extension Mobility application (the phone service, EMApp). */
  EM_APP("emApp"),
  /** Extension Mobility service (EMService). */
  EM_SERVICE("emService"),
  /**
   * Cisco's Extension Mobility API documentation (its response code table): EMService codes the
   * feature guide's tables lack.
   */
  EM_API("emApi");

  private final String json;

  ErrorSource(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}
