package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.IpAddressingMode;
import dev.emcc.model.IpAddressingModePreference;
import dev.emcc.model.MlppIndication;
import dev.emcc.model.MlppPreemption;
import java.util.List;

/** Device > Device Settings > Common Device Configuration: what EMCC templates give their devices. */
public final class CommonDeviceConfigFields {
  public static final String ID = "commonDeviceConfig";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(50).axl("name");
  public static final Field SOFTKEY_TEMPLATE = F.freeRef("softkeyTemplate").axl("softkeyTemplateName");
  public static final Field USER_HOLD_MOH_AUDIO_SOURCE = F.freeRef("userHoldMohAudioSource");
  public static final Field NETWORK_HOLD_MOH_AUDIO_SOURCE = F.freeRef("networkHoldMohAudioSource");
  public static final Field USER_LOCALE = F.freeRef("userLocale").axl("userLocale");
  public static final Field IP_ADDRESSING_MODE = F.choice("ipAddressingMode", IpAddressingMode.class).defaults("ipv4AndIpv6").axl("ipAddressingMode");
  public static final Field IP_ADDRESSING_MODE_PREFERENCE =
      F.choice("ipAddressingModePreferenceForSignaling", IpAddressingModePreference.class).defaults("useSystemDefault").axl("ipAddressingModePreferenceControl");
  public static final Field ALLOW_AUTO_CONFIGURATION = F.check("allowAutoConfigurationForPhones").axl("allowAutoConfigurationForPhones");
  public static final Field USE_TRUSTED_RELAY_POINT = F.check("useTrustedRelayPoint").axl("useTrustedRelayPoint");
  public static final Field MLPP_DOMAIN = F.freeRef("mlppDomain").axl("mlppDomainId");
  public static final Field MLPP_INDICATION = F.choice("mlppIndication", MlppIndication.class).defaults("default").axl("mlppIndicationStatus");
  public static final Field MLPP_PREEMPTION = F.choice("mlppPreemption", MlppPreemption.class).defaults("default").axl("preemption");

  static final Window WINDOW = Window.form(ID, Menus.DEVICE_SETTINGS,
      new CollectionBinding<>(ClusterCollection.COMMON_DEVICE_CONFIGS, () -> CommonDeviceConfig.named(""), List.of()),
      Section.of("sec.cdcInfo", NAME, SOFTKEY_TEMPLATE, USER_HOLD_MOH_AUDIO_SOURCE, NETWORK_HOLD_MOH_AUDIO_SOURCE,
          USER_LOCALE, IP_ADDRESSING_MODE, IP_ADDRESSING_MODE_PREFERENCE, ALLOW_AUTO_CONFIGURATION,
          USE_TRUSTED_RELAY_POINT),
      Section.of("sec.mlpp", MLPP_DOMAIN, MLPP_INDICATION, MLPP_PREEMPTION));

  private CommonDeviceConfigFields() {}
}
