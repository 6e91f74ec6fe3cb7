package dev.emcc.sim;

import java.time.Instant;

/**
 * Someone logged in: a local Extension Mobility session (home == visiting, no EMCC device) or an
 * EMCC session holding an EMCC device of the home cluster. {@code expired} marks an EMCC session
 * whose visiting side was lost (WAN or connection failure): the home still holds the device until
 * its expired-device maintenance runs.
 */
public record Session(
    String userId,
    String homeCluster,
    String visitingCluster,
    String phone,
    String emccDevice,
    String roamingDevicePool,
    Instant since,
    boolean expired) {

  public boolean isEmcc() {
    return emccDevice != null;
  }

  Session asExpired() {
    return new Session(userId, homeCluster, visitingCluster, phone, emccDevice, roamingDevicePool, since, true);
  }
}
