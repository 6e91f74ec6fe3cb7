package dev.emcc.catalog;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.Versions;

/**
 * Seed tables 6, 7 and 8: what an EMCC login gets from the clusters' versions and security modes
 * and the phone's security mode. The simulator's check and the validator's predictions both ask
 * {@link #decide}.
 *
 * <p>A phone counts as secure only in a mixed-mode visiting cluster (in a non-secure cluster its
 * profile cannot be enforced: table 8's last row). A secure phone gets secure EMCC when both
 * clusters are 9.x or later and the home is mixed; a home of 8.x is 45 (table 8, 45's cause); a
 * non-secure home with both at 9.x or later is 46 (table 6); a visiting cluster of 8.x is table 7's
 * "not supported", read as 45 too: seen from the home, the remote cluster's version does not
 * support it (docs/simulator.md, "Interpretations").
 */
public final class SecurityModes {
  private SecurityModes() {}

  /** The outcome, with the error code of a failing one. */
  public enum Verdict {
    NON_SECURE(null),
    SECURE(null),
    VISITING_8X(45),
    HOME_8X(45),
    HOME_NON_SECURE(46);

    private final Integer code;

    Verdict(Integer code) {
      this.code = code;
    }

    /** The login error code, null when the login goes on. */
    public Integer code() {
      return code;
    }

    /** The result document's EMCC status ("secure", "nonSecure"), null for a failure. */
    public String emccStatus() {
      return this == SECURE ? "secure" : this == NON_SECURE ? "nonSecure" : null;
    }
  }

  public static Verdict decide(String homeVersion, SecurityMode homeMode, String visitingVersion,
      SecurityMode visitingMode, DeviceSecurityMode phoneMode) {
    boolean phoneSecure = phoneMode != null && phoneMode.isSecure() && visitingMode == SecurityMode.MIXED;
    if (!phoneSecure) {
      return Verdict.NON_SECURE;
    }
    if (!Versions.atLeast(visitingVersion, "9.0")) {
      return Verdict.VISITING_8X;
    }
    if (!Versions.atLeast(homeVersion, "9.0")) {
      return Verdict.HOME_8X;
    }
    if (homeMode != SecurityMode.MIXED) {
      return Verdict.HOME_NON_SECURE;
    }
    return Verdict.SECURE;
  }
}
