package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A SIP trunk (Device > Trunk). EMCC uses trunks of service type Extension Mobility Cross Clusters. */
public record SipTrunk(
    String name, String description, TrunkServiceType serviceType, String devicePool, List<String> destinations) {
  public SipTrunk {
    serviceType = Defaults.or(serviceType, TrunkServiceType.NONE);
    destinations = Defaults.list(destinations);
  }

  @JsonIgnore
  public boolean isEmcc() {
    return serviceType == TrunkServiceType.EXTENSION_MOBILITY_CROSS_CLUSTERS;
  }
}
