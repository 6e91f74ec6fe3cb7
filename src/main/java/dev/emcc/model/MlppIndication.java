package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** MLPP Indication. */
public enum MlppIndication {
  DEFAULT("default"),
  OFF("off"),
  ON("on");

  private final String json;

  MlppIndication(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
