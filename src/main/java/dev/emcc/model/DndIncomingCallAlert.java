package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** DND Incoming Call Alert. */
public enum DndIncomingCallAlert {
  NONE("none"),
  DISABLE("disable"),
  BEEP_ONLY("beepOnly"),
  FLASH_ONLY("flashOnly");

  private final String json;

  DndIncomingCallAlert(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
