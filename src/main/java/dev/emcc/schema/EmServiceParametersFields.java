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

  static final Window WINDOW = Window.form(ID, Menus.SYSTEM,
      new SingletonBinding<>(ClusterCollection.EM_SERVICE_PARAMETERS),
      Section.of("sec.emServiceParameters", VALIDATE_IP_ADDRESS, TRUSTED_IPS, ALLOW_PROXY, MAXIMUM_CONCURRENT_REQUESTS));

  private EmServiceParametersFields() {}
}
