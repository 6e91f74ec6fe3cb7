package dev.emcc.model;

import java.util.List;

/** Service parameters of Cisco Extension Mobility that the login checks read. */
public record EmServiceParameters(
    boolean validateIpAddress,
    List<String> trustedIps,
    boolean allowProxy,
    Integer maximumConcurrentRequests) {
  public static final int DEFAULT_MAXIMUM_CONCURRENT_REQUESTS = 5;
  public static final EmServiceParameters DEFAULTS = new EmServiceParameters(false, null, false, null);

  public EmServiceParameters {
    trustedIps = Defaults.list(trustedIps);
    maximumConcurrentRequests = Defaults.or(maximumConcurrentRequests, DEFAULT_MAXIMUM_CONCURRENT_REQUESTS);
  }
}
