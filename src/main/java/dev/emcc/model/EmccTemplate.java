package dev.emcc.model;

/**
 * An EMCC template (Bulk Administration > EMCC > EMCC Template): ties a common device configuration
 * to the EMCC devices. Its device security mode must be non-secure (error 43).
 */
public record EmccTemplate(
    String name,
    String description,
    String devicePool,
    String commonDeviceConfig,
    String commonPhoneProfile,
    DeviceSecurityMode deviceSecurityMode) {

  public EmccTemplate {
    deviceSecurityMode = Defaults.or(deviceSecurityMode, DeviceSecurityMode.NON_SECURE);
  }

  public EmccTemplate withDeviceSecurityMode(DeviceSecurityMode mode) {
    return new EmccTemplate(name, description, devicePool, commonDeviceConfig, commonPhoneProfile, mode);
  }
}
