package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Single Button Barge. */
public enum SingleButtonBarge {
  OFF("off"),
  BARGE("barge"),
  DEFAULT("default");

  private final String json;

  SingleButtonBarge(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
