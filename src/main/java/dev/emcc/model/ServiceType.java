package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Phone service type. */
public enum ServiceType {
  STANDARD_IP_PHONE_SERVICE("standardIpPhoneService"),
  DIRECTORIES("directories"),
  MESSAGES("messages");

  private final String json;

  ServiceType(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
