package dev.emcc.model;

import java.util.List;

/** A phone (Device > Phone): a real device registered to its cluster. */
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
    String address) {

  public Phone {
    subscribedServices = Defaults.list(subscribedServices);
    deviceSecurityMode = Defaults.or(deviceSecurityMode, DeviceSecurityMode.NON_SECURE);
  }

  public Phone withEnableExtensionMobility(boolean on) {
    return new Phone(name, description, model, protocol, on, subscribedServices, deviceSecurityMode,
        devicePool, geolocation, address);
  }

  public Phone withSubscribedServices(List<String> services) {
    return new Phone(name, description, model, protocol, enableExtensionMobility, services,
        deviceSecurityMode, devicePool, geolocation, address);
  }

  public Phone withDeviceSecurityMode(DeviceSecurityMode mode) {
    return new Phone(name, description, model, protocol, enableExtensionMobility, subscribedServices,
        mode, devicePool, geolocation, address);
  }

  public Phone withName(String n) {
    return new Phone(n, description, model, protocol, enableExtensionMobility, subscribedServices,
        deviceSecurityMode, devicePool, geolocation, address);
  }

  public Phone withModel(String m) {
    return new Phone(name, description, m, protocol, enableExtensionMobility, subscribedServices,
        deviceSecurityMode, devicePool, geolocation, address);
  }
}
