package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** MLPP Preemption. */
public enum MlppPreemption {
  DEFAULT("default"),
  DISABLED("disabled"),
  FORCEFUL("forceful");

  private final String json;

  MlppPreemption(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
