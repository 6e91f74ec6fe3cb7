package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** IP addressing mode of a common device configuration. */
public enum IpAddressingMode {
  IPV4_ONLY("ipv4Only"),
  IPV6_ONLY("ipv6Only"),
  IPV4_AND_IPV6("ipv4AndIpv6");

  private final String json;

  IpAddressingMode(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
