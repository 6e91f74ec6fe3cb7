package dev.emcc.model;

import java.util.List;

/**
 * Service parameters of Cisco Extension Mobility that the login checks read, and the credential
 * policy its PIN checks apply (CUCM keeps those in User Management > Credential Policy; here they
 * live with the EM service that enforces them). Defaults are CUCM's default credential policy:
 * 3 failed logons lock the PIN for 30 minutes, and the count of failures starts again 30 minutes
 * after the last one.
 *
 * @param failedLogonThreshold wrong PINs that lock the PIN (1-100; 0: no limit)
 * @param lockoutDurationMinutes how long a locked PIN stays locked (1-1440; 0: until an
 *     administrator sets a new PIN)
 * @param resetFailedLogonMinutes failures are forgotten this long after the last one (1-120)
 */
public record EmServiceParameters(
    boolean validateIpAddress,
    List<String> trustedIps,
    boolean allowProxy,
    Integer maximumConcurrentRequests,
    Integer failedLogonThreshold,
    Integer lockoutDurationMinutes,
    Integer resetFailedLogonMinutes) {
  public static final int DEFAULT_MAXIMUM_CONCURRENT_REQUESTS = 5;
  public static final int DEFAULT_FAILED_LOGON_THRESHOLD = 3;
  public static final int DEFAULT_LOCKOUT_DURATION_MINUTES = 30;
  public static final int DEFAULT_RESET_FAILED_LOGON_MINUTES = 30;
  public static final EmServiceParameters DEFAULTS = new EmServiceParameters(false, null, false, null);

  public EmServiceParameters {
    trustedIps = Defaults.list(trustedIps);
    maximumConcurrentRequests = Defaults.or(maximumConcurrentRequests, DEFAULT_MAXIMUM_CONCURRENT_REQUESTS);
    failedLogonThreshold = Defaults.or(failedLogonThreshold, DEFAULT_FAILED_LOGON_THRESHOLD);
    lockoutDurationMinutes = Defaults.or(lockoutDurationMinutes, DEFAULT_LOCKOUT_DURATION_MINUTES);
    resetFailedLogonMinutes = Defaults.or(resetFailedLogonMinutes, DEFAULT_RESET_FAILED_LOGON_MINUTES);
  }

  /** The EM service parameters with the default credential policy. */
  public EmServiceParameters(boolean validateIpAddress, List<String> trustedIps, boolean allowProxy,
      Integer maximumConcurrentRequests) {
    this(validateIpAddress, trustedIps, allowProxy, maximumConcurrentRequests, null, null, null);
  }

  /** The same parameters with another credential policy. */
  public EmServiceParameters withCredentialPolicy(int threshold, int lockoutMinutes, int resetMinutes) {
    return new EmServiceParameters(validateIpAddress, trustedIps, allowProxy, maximumConcurrentRequests, threshold,
        lockoutMinutes, resetMinutes);
  }
}
