package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Trunk Service Type of a SIP trunk. */
public enum TrunkServiceType {
  NONE("none"),
  EXTENSION_MOBILITY_CROSS_CLUSTERS("extensionMobilityCrossClusters"),
  CALL_CONTROL_DISCOVERY("callControlDiscovery"),
  INTERCOMPANY_MEDIA_ENGINE("intercompanyMediaEngine"),
  IP_MULTIMEDIA_SUBSYSTEM_SERVICE_CONTROL("ipMultimediaSubsystemServiceControl");

  private final String json;

  TrunkServiceType(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

}
