package dev.emcc.model;

import java.util.List;

/** A user device profile (Device > Device Settings > Device Profile), with its lines. */
public record DeviceProfile(
    String name,
    String productType,
    Protocol protocol,
    String description,
    String userHoldMohAudioSource,
    String userLocale,
    String phoneButtonTemplate,
    String softkeyTemplate,
    OnOffDefault privacy,
    SingleButtonBarge singleButtonBarge,
    OnOffDefault joinAcrossLines,
    OnOffDefault alwaysUsePrimeLine,
    OnOffDefault alwaysUsePrimeLineForVoiceMessage,
    boolean ignorePresentationIndicators,
    boolean doNotDisturb,
    DndOption dndOption,
    DndIncomingCallAlert dndIncomingCallAlert,
    String emccCss,
    String module1,
    String module2,
    String mlppDomain,
    MlppIndication mlppIndication,
    MlppPreemption mlppPreemption,
    String loginUserId,
    List<Line> lines) {

  public static final int MAX_NAME_LENGTH = 50;

  public DeviceProfile {
    privacy = Defaults.or(privacy, OnOffDefault.DEFAULT);
    singleButtonBarge = Defaults.or(singleButtonBarge, SingleButtonBarge.DEFAULT);
    joinAcrossLines = Defaults.or(joinAcrossLines, OnOffDefault.DEFAULT);
    alwaysUsePrimeLine = Defaults.or(alwaysUsePrimeLine, OnOffDefault.DEFAULT);
    alwaysUsePrimeLineForVoiceMessage = Defaults.or(alwaysUsePrimeLineForVoiceMessage, OnOffDefault.DEFAULT);
    dndOption = Defaults.or(dndOption, DndOption.USE_COMMON_PHONE_PROFILE_SETTING);
    dndIncomingCallAlert = Defaults.or(dndIncomingCallAlert, DndIncomingCallAlert.NONE);
    mlppIndication = Defaults.or(mlppIndication, MlppIndication.DEFAULT);
    mlppPreemption = Defaults.or(mlppPreemption, MlppPreemption.DEFAULT);
    lines = Defaults.list(lines);
  }

  /** A new profile with the CUCM defaults for everything but what identifies it. */
  public static DeviceProfile of(String name, String productType, Protocol protocol, List<Line> lines) {
    return new DeviceProfile(name, productType, protocol, "", null, null, null, null, null, null,
        null, null, null, false, false, null, null, null, null, null, null, null, null, null, lines);
  }

  public DeviceProfile withName(String n) {
    return new DeviceProfile(n, productType, protocol, description, userHoldMohAudioSource, userLocale,
        phoneButtonTemplate, softkeyTemplate, privacy, singleButtonBarge, joinAcrossLines,
        alwaysUsePrimeLine, alwaysUsePrimeLineForVoiceMessage, ignorePresentationIndicators,
        doNotDisturb, dndOption, dndIncomingCallAlert, emccCss, module1, module2, mlppDomain,
        mlppIndication, mlppPreemption, loginUserId, lines);
  }

  public DeviceProfile withMlpp(MlppIndication indication, MlppPreemption preemption) {
    return new DeviceProfile(name, productType, protocol, description, userHoldMohAudioSource, userLocale,
        phoneButtonTemplate, softkeyTemplate, privacy, singleButtonBarge, joinAcrossLines,
        alwaysUsePrimeLine, alwaysUsePrimeLineForVoiceMessage, ignorePresentationIndicators,
        doNotDisturb, dndOption, dndIncomingCallAlert, emccCss, module1, module2, mlppDomain,
        indication, preemption, loginUserId, lines);
  }

  public DeviceProfile withDndOption(DndOption option) {
    return new DeviceProfile(name, productType, protocol, description, userHoldMohAudioSource, userLocale,
        phoneButtonTemplate, softkeyTemplate, privacy, singleButtonBarge, joinAcrossLines,
        alwaysUsePrimeLine, alwaysUsePrimeLineForVoiceMessage, ignorePresentationIndicators,
        doNotDisturb, option, dndIncomingCallAlert, emccCss, module1, module2, mlppDomain,
        mlppIndication, mlppPreemption, loginUserId, lines);
  }
}
