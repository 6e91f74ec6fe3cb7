package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Device security mode of a phone security profile. */
public enum DeviceSecurityMode {
  NON_SECURE("nonSecure"),
  AUTHENTICATED("authenticated"),
  ENCRYPTED("encrypted");

  private final String json;

  DeviceSecurityMode(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

  /** Authenticated and encrypted are the "secure" modes of the seed. */
  public boolean isSecure() {
    return this != NON_SECURE;
  }
}
