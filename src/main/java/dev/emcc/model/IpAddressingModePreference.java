package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** IP addressing mode preference for signaling. */
public enum IpAddressingModePreference {
  IPV4("ipv4"),
  IPV6("ipv6"),
  USE_SYSTEM_DEFAULT("useSystemDefault");

  private final String json;

  IpAddressingModePreference(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
