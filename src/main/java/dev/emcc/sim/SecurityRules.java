package dev.emcc.sim;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.Versions;

/**
 * Reference §12 (tables 6, 7, 8): the EMCC status a login gets from the clusters' versions and
 * security modes and the phone's security mode. A phone counts as secure only in a mixed-mode
 * visiting cluster (in a non-secure cluster its profile cannot be enforced: table 8's last row).
 * A secure phone in a mixed visiting cluster gets secure EMCC only when both clusters are 9.x or
 * later and the home is mixed too; otherwise: visiting 8.x (table 7 "not supported") or home 8.x
 * (table 8) is 45, a non-secure home with 9.x on both sides (table 6) is 46.
 */
final class SecurityRules {
  private SecurityRules() {}

  /** Either the status ("secure"/"nonSecure") or the error code with its message key. */
  record Verdict(String emccStatus, Integer code, String key) {}

  static Verdict decide(String homeVersion, SecurityMode homeMode, String visitingVersion,
      SecurityMode visitingMode, DeviceSecurityMode phoneMode) {
    boolean phoneSecure = phoneMode != null && phoneMode.isSecure() && visitingMode == SecurityMode.MIXED;
    if (!phoneSecure) {
      return new Verdict("nonSecure", null, "home.security.nonSecure");
    }
    if (!Versions.atLeast(visitingVersion, "9.0")) {
      return new Verdict(null, 45, "home.security.visiting8");
    }
    if (!Versions.atLeast(homeVersion, "9.0")) {
      return new Verdict(null, 45, "home.security.home8");
    }
    if (homeMode != SecurityMode.MIXED) {
      return new Verdict(null, 46, "home.security.homeNonSecure");
    }
    return new Verdict("secure", null, "home.security.secure");
  }
}
