package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.DndIncomingCallAlert;
import dev.emcc.model.DndOption;
import dev.emcc.model.MlppIndication;
import dev.emcc.model.MlppPreemption;
import dev.emcc.model.OnOffDefault;
import dev.emcc.model.Protocol;
import dev.emcc.model.SingleButtonBarge;
import java.util.List;

/** Device > Device Settings > Device Profile (seed table 1). */
public final class DeviceProfileFields {
  public static final String ID = "deviceProfile";
  private static final Field.Maker F = Field.in(ID);

  public static final Field PRODUCT_TYPE = F.freeRef("productType", DeviceModelFields.ID).mandatory().axl("product");
  public static final Field PROTOCOL = F.choice("protocol", Protocol.class).axl("protocol");
  public static final Field NAME = F.text("name").mandatory().maxLength(DeviceProfile.MAX_NAME_LENGTH).axl("name");
  public static final Field DESCRIPTION = F.text("description").axl("description");
  public static final Field USER_HOLD_MOH_AUDIO_SOURCE = F.freeRef("userHoldMohAudioSource");
  public static final Field USER_LOCALE = F.freeRef("userLocale").axl("userLocale");
  public static final Field PHONE_BUTTON_TEMPLATE = F.freeRef("phoneButtonTemplate").axl("phoneTemplateName");
  public static final Field SOFTKEY_TEMPLATE = F.freeRef("softkeyTemplate").axl("softkeyTemplateName");
  public static final Field PRIVACY = F.choice("privacy", OnOffDefault.class).defaults("default").axl("callInfoPrivacyStatus");
  public static final Field SINGLE_BUTTON_BARGE = F.choice("singleButtonBarge", SingleButtonBarge.class).defaults("default").axl("singleButtonBarge");
  public static final Field JOIN_ACROSS_LINES = F.choice("joinAcrossLines", OnOffDefault.class).defaults("default").axl("joinAcrossLines");
  public static final Field ALWAYS_USE_PRIME_LINE = F.choice("alwaysUsePrimeLine", OnOffDefault.class).defaults("default").axl("alwaysUsePrimeLine");
  public static final Field ALWAYS_USE_PRIME_LINE_FOR_VOICE_MESSAGE =
      F.choice("alwaysUsePrimeLineForVoiceMessage", OnOffDefault.class).defaults("default").axl("alwaysUsePrimeLineForVoiceMessage");
  public static final Field IGNORE_PRESENTATION_INDICATORS = F.check("ignorePresentationIndicators").axl("ignorePresentationIndicators");
  public static final Field DO_NOT_DISTURB = F.check("doNotDisturb").axl("dndStatus");
  public static final Field DND_OPTION = F.choice("dndOption", DndOption.class).defaults("useCommonPhoneProfileSetting").axl("dndOption");
  public static final Field DND_INCOMING_CALL_ALERT =
      F.choice("dndIncomingCallAlert", DndIncomingCallAlert.class).defaults("none").axl("dndRingSetting");
  public static final Field EMCC_CSS = F.freeRef("emccCss").defaults("none").axl("emccCallingSearchSpace");
  public static final Field MODULE_1 = F.freeRef("module1");
  public static final Field MODULE_2 = F.freeRef("module2");
  public static final Field MLPP_DOMAIN = F.freeRef("mlppDomain").axl("mlppDomainId");
  public static final Field MLPP_INDICATION = F.choice("mlppIndication", MlppIndication.class).defaults("default").axl("mlppIndicationStatus");
  public static final Field MLPP_PREEMPTION = F.choice("mlppPreemption", MlppPreemption.class).defaults("default").axl("preemption");
  public static final Field LOGIN_USER_ID = F.ref("loginUserId", EndUserFields.ID).axl("loginUserId");
  private static final Field.Maker LINE = F.columnsOf("lines");
  public static final Field LINE_INDEX = LINE.readOnly("index").axl("index");
  public static final Field LINE_DIRECTORY_NUMBER = LINE.text("directoryNumber").mandatory()
      .pattern("[0-9*#+\\\\X]+", "field.pattern.directoryNumber").axl("dirn/pattern");
  public static final Field LINE_PARTITION = LINE.text("partition").axl("dirn/routePartitionName");
  /** The lines: line number, directory number (digits, *, #, +, X) and route partition. */
  public static final Field LINES = F.lines("lines", LINE_INDEX, LINE_DIRECTORY_NUMBER, LINE_PARTITION).axl("lines/line");

  static final Window WINDOW = Window.form(ID, Menus.DEVICE_SETTINGS,
      new CollectionBinding<>(ClusterCollection.DEVICE_PROFILES, () -> DeviceProfile.of("", null, null, List.of()),
          List.of(new CollectionBinding.Column<>(PRODUCT_TYPE, DeviceProfile::productType),
              new CollectionBinding.Column<>(LINES, p -> p.lines().isEmpty() ? "" : p.lines().get(0).directoryNumber()))),
      Section.of("sec.deviceProfileInfo", PRODUCT_TYPE, PROTOCOL, NAME, DESCRIPTION, USER_HOLD_MOH_AUDIO_SOURCE,
          USER_LOCALE, PHONE_BUTTON_TEMPLATE, SOFTKEY_TEMPLATE, PRIVACY, SINGLE_BUTTON_BARGE, JOIN_ACROSS_LINES,
          ALWAYS_USE_PRIME_LINE, ALWAYS_USE_PRIME_LINE_FOR_VOICE_MESSAGE, IGNORE_PRESENTATION_INDICATORS),
      Section.of("sec.dnd", DO_NOT_DISTURB, DND_OPTION, DND_INCOMING_CALL_ALERT),
      Section.of("sec.emcc", EMCC_CSS),
      Section.of("sec.modules", MODULE_1, MODULE_2),
      Section.of("sec.mlpp", MLPP_DOMAIN, MLPP_INDICATION, MLPP_PREEMPTION),
      Section.of("sec.logout", LOGIN_USER_ID),
      Section.of("sec.lines", LINES));

  private DeviceProfileFields() {}
}
