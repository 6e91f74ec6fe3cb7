package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.EmServiceParameters;

/** System > Service Parameters: those of Cisco Extension Mobility. */
public final class EmServiceParametersFields {
  public static final String ID = "emServiceParameters";
  private static final Field.Maker F = Field.in(ID);

  public static final Field VALIDATE_IP_ADDRESS = F.check("validateIpAddress");
  public static final Field TRUSTED_IPS = F.list("trustedIps");
  public static final Field ALLOW_PROXY = F.check("allowProxy");
  public static final Field MAXIMUM_CONCURRENT_REQUESTS = F.integer("maximumConcurrentRequests", 1, 10_000)
      .defaults(String.valueOf(EmServiceParameters.DEFAULT_MAXIMUM_CONCURRENT_REQUESTS));

  // the credential policy of the PIN checks (CUCM: User Management > Credential Policy > Default)
  public static final Field FAILED_LOGON_THRESHOLD = F.integer("failedLogonThreshold", 0, 100)
      .defaults(String.valueOf(EmServiceParameters.DEFAULT_FAILED_LOGON_THRESHOLD));
  public static final Field LOCKOUT_DURATION_MINUTES = F.integer("lockoutDurationMinutes", 0, 1440)
      .defaults(String.valueOf(EmServiceParameters.DEFAULT_LOCKOUT_DURATION_MINUTES));
  public static final Field RESET_FAILED_LOGON_MINUTES = F.integer("resetFailedLogonMinutes", 1, 120)
      .defaults(String.valueOf(EmServiceParameters.DEFAULT_RESET_FAILED_LOGON_MINUTES));

  static final Window WINDOW = Window.form(ID, Menus.SYSTEM,
      new SingletonBinding<>(ClusterCollection.EM_SERVICE_PARAMETERS),
      Section.of("sec.emServiceParameters", VALIDATE_IP_ADDRESS, TRUSTED_IPS, ALLOW_PROXY, MAXIMUM_CONCURRENT_REQUESTS),
      Section.of("sec.credentialPolicy", FAILED_LOGON_THRESHOLD, LOCKOUT_DURATION_MINUTES, RESET_FAILED_LOGON_MINUTES));

  private EmServiceParametersFields() {}
}
