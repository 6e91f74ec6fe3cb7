package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Privacy, Join Across Lines, Always Use Prime Line (for Voice Message). */
public enum OnOffDefault {
  ON("on"),
  OFF("off"),
  DEFAULT("default");

  private final String json;

  OnOffDefault(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
