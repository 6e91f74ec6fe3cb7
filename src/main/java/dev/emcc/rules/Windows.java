package dev.emcc.rules;

/** The console's window ids (COMMON vocabulary), named once so a typo cannot creep into a Fix. */
public final class Windows {
  public static final String CLUSTER = "cluster";
  public static final String SERVICE_ACTIVATION = "serviceActivation";
  public static final String CERTIFICATES = "certificates";
  public static final String EM_SERVICE_PARAMETERS = "emServiceParameters";
  public static final String PHONE_SERVICE = "phoneService";
  public static final String DEVICE_PROFILE = "deviceProfile";
  public static final String END_USER = "endUser";
  public static final String PHONE = "phone";
  public static final String COMMON_DEVICE_CONFIG = "commonDeviceConfig";
  public static final String EMCC_TEMPLATE = "emccTemplate";
  public static final String EMCC_DEVICES = "emccDevices";
  public static final String GEOLOCATION = "geolocation";
  public static final String GEOLOCATION_FILTER = "geolocationFilter";
  public static final String DEVICE_POOL = "devicePool";
  public static final String EMCC_FEATURE_CONFIG = "emccFeatureConfig";
  public static final String SIP_TRUNK = "sipTrunk";
  public static final String INTERCLUSTER_SERVICE_PROFILE = "interclusterServiceProfile";
  public static final String REMOTE_CLUSTER = "remoteCluster";
  public static final String PHONE_FEATURE_LIST = "phoneFeatureList";
  public static final String DEVICE_MODEL = "deviceModel";

  private Windows() {}
}
