package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** EMCC Region Link Loss Type: Low Loss prefers G.722 over iSAC, Lossy the reverse. */
public enum LinkLossType {
  LOW_LOSS("lowLoss"),
  LOSSY("lossy");

  private final String json;

  LinkLossType(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
