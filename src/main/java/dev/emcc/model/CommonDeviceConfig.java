package dev.emcc.model;

/** A common device configuration (Device > Device Settings > Common Device Configuration). */
public record CommonDeviceConfig(
    String name,
    String softkeyTemplate,
    String userHoldMohAudioSource,
    String networkHoldMohAudioSource,
    String userLocale,
    IpAddressingMode ipAddressingMode,
    IpAddressingModePreference ipAddressingModePreferenceForSignaling,
    boolean allowAutoConfigurationForPhones,
    boolean useTrustedRelayPoint,
    MlppIndication mlppIndication,
    MlppPreemption mlppPreemption,
    String mlppDomain) {

  public CommonDeviceConfig {
    ipAddressingMode = Defaults.or(ipAddressingMode, IpAddressingMode.IPV4_AND_IPV6);
    ipAddressingModePreferenceForSignaling =
        Defaults.or(ipAddressingModePreferenceForSignaling, IpAddressingModePreference.USE_SYSTEM_DEFAULT);
    mlppIndication = Defaults.or(mlppIndication, MlppIndication.DEFAULT);
    mlppPreemption = Defaults.or(mlppPreemption, MlppPreemption.DEFAULT);
  }

  public static CommonDeviceConfig named(String name) {
    return new CommonDeviceConfig(name, null, null, null, null, null, null, false, false, null, null, null);
  }
}
