package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** CSS for PSTN Access SIP Trunk. */
public enum PstnAccessTrunkCss {
  USE_TRUNK_CSS("useTrunkCss"),
  USE_PHONES_ORIGINAL_DEVICE_CSS("usePhonesOriginalDeviceCss");

  private final String json;

  PstnAccessTrunkCss(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
