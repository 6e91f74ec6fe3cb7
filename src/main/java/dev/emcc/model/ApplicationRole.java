package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The roles (permission groups) of an application user this console knows, by their CUCM names. */
public enum ApplicationRole {
  /** Lets a program log end users in and out through the Extension Mobility API (proxy rights). */
  EM_PROXY_RIGHTS("Standard EM Authentication Proxy Rights"),
  /** Lets a program use the AXL API. */
  AXL_API_ACCESS("Standard AXL API Access");

  private final String json;

  ApplicationRole(String json) {
    this.json = json;
  }

  /** The CUCM name, as the workspace document and CUCM's windows write it. */
  @JsonValue
  public String json() {
    return json;
  }

  public static Optional<ApplicationRole> of(String name) {
    return Arrays.stream(values()).filter(r -> r.json.equals(name)).findFirst();
  }
}
