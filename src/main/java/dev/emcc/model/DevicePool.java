package dev.emcc.model;

import java.util.List;

/**
 * A device pool. EMCC puts a logged-in visiting phone into the roaming device pool whose
 * geolocation best matches the phone's after the EMCC geolocation filter.
 * {@code callManagerGroup} names the nodes of its Unified CM group (TVS restarts follow it).
 */
public record DevicePool(String name, String description, String geolocation, List<String> callManagerGroup) {
  public DevicePool {
    callManagerGroup = Defaults.list(callManagerGroup);
  }
}
