package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** DND Option of a device profile. */
public enum DndOption {
  CALL_REJECT("callReject"),
  RINGER_OFF("ringerOff"),
  USE_COMMON_PHONE_PROFILE_SETTING("useCommonPhoneProfileSetting");

  private final String json;

  DndOption(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
