package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Certificate types a node can hold (OS Administration > Certificate Management). */
public enum CertificateType {
  CALL_MANAGER("callManager"),
  CALL_MANAGER_ECDSA("callManagerEcdsa"),
  TOMCAT("tomcat"),
  TOMCAT_ECDSA("tomcatEcdsa"),
  CAPF("capf"),
  TFTP("tftp"),
  TVS("tvs"),
  ITL_RECOVERY("itlRecovery");

  private final String json;

  CertificateType(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
