package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A phone (Device > Phone): a real device registered to its cluster. {@code tftpEncryptedConfig}
 * is the "TFTP Encrypted Config" flag of the phone's security profile (written only when on): an
 * EMCC login encrypts the phone's configuration file only when both clusters are 9.x or later
 * and this flag is on (seed line 582).
 */
public record Phone(
    String name,
    String description,
    String model,
    Protocol protocol,
    boolean enableExtensionMobility,
    List<String> subscribedServices,
    DeviceSecurityMode deviceSecurityMode,
    String devicePool,
    String geolocation,
    String address,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean tftpEncryptedConfig) {

  /** A phone whose security profile leaves TFTP Encrypted Config off. */
  public Phone(String name, String description, String model, Protocol protocol, boolean enableExtensionMobility,
      List<String> subscribedServices, DeviceSecurityMode deviceSecurityMode, String devicePool, String geolocation,
      String address) {
    this(name, description, model, protocol, enableExtensionMobility, subscribedServices, deviceSecurityMode,
        devicePool, geolocation, address, false);
  }

  public Phone {
    subscribedServices = Defaults.list(subscribedServices);
    deviceSecurityMode = Defaults.or(deviceSecurityMode, DeviceSecurityMode.NON_SECURE);
  }

  public Phone withEnableExtensionMobility(boolean on) {
    return new Phone(name, description, model, protocol, on, subscribedServices, deviceSecurityMode,
        devicePool, geolocation, address, tftpEncryptedConfig);
  }

  public Phone withSubscribedServices(List<String> services) {
    return new Phone(name, description, model, protocol, enableExtensionMobility, services,
        deviceSecurityMode, devicePool, geolocation, address, tftpEncryptedConfig);
  }

  public Phone withDeviceSecurityMode(DeviceSecurityMode mode) {
    return new Phone(name, description, model, protocol, enableExtensionMobility, subscribedServices,
        mode, devicePool, geolocation, address, tftpEncryptedConfig);
  }

  public Phone withName(String n) {
    return new Phone(n, description, model, protocol, enableExtensionMobility, subscribedServices,
        deviceSecurityMode, devicePool, geolocation, address, tftpEncryptedConfig);
  }

  public Phone withModel(String m) {
    return new Phone(name, description, m, protocol, enableExtensionMobility, subscribedServices,
        deviceSecurityMode, devicePool, geolocation, address, tftpEncryptedConfig);
  }

  public Phone withTftpEncryptedConfig(boolean on) {
    return new Phone(name, description, model, protocol, enableExtensionMobility, subscribedServices,
        deviceSecurityMode, devicePool, geolocation, address, on);
  }
}
