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

  public static final Field PRODUCT_TYPE = F.freeRef("productType", DeviceModelFields.ID).mandatory().chosenWhenAdded().bat("Device Type").axl("product");
  public static final Field PROTOCOL = F.choice("protocol", Protocol.class).chosenWhenAdded().bat("Device Protocol").axl("protocol");
  public static final Field NAME = F.text("name").mandatory().maxLength(DeviceProfile.MAX_NAME_LENGTH).bat("Device Profile Name").axl("name");
  public static final Field DESCRIPTION = F.text("description").bat("Description", 0, 50).axl("description");
  public static final Field USER_HOLD_MOH_AUDIO_SOURCE = F.freeRef("userHoldMohAudioSource").bat("User Hold Audio Source");
  public static final Field USER_LOCALE = F.freeRef("userLocale").bat("Device User Locale").axl("userLocale");
  public static final Field PHONE_BUTTON_TEMPLATE = F.freeRef("phoneButtonTemplate").bat("Phone Template").axl("phoneTemplateName");
  public static final Field SOFTKEY_TEMPLATE = F.freeRef("softkeyTemplate").bat("Softkey Template").axl("softkeyTemplateName");
  public static final Field PRIVACY = F.choice("privacy", OnOffDefault.class).defaults("default").bat("Privacy").axl("callInfoPrivacyStatus");
  public static final Field SINGLE_BUTTON_BARGE = F.choice("singleButtonBarge", SingleButtonBarge.class).defaults("default").bat("Single Button Barge").axl("singleButtonBarge");
  public static final Field JOIN_ACROSS_LINES = F.choice("joinAcrossLines", OnOffDefault.class).defaults("default").bat("Join Across Lines").axl("joinAcrossLines");
  public static final Field ALWAYS_USE_PRIME_LINE = F.choice("alwaysUsePrimeLine", OnOffDefault.class).defaults("default").bat("Always Use Prime Line").axl("alwaysUsePrimeLine");
  public static final Field ALWAYS_USE_PRIME_LINE_FOR_VOICE_MESSAGE =
      F.choice("alwaysUsePrimeLineForVoiceMessage", OnOffDefault.class).defaults("default").bat("Always Use Prime Line for Voice Message").axl("alwaysUsePrimeLineForVoiceMessage");
  public static final Field IGNORE_PRESENTATION_INDICATORS = F.check("ignorePresentationIndicators").bat("Ignore Presentation Indicators").axl("ignorePresentationIndicators");
  public static final Field DO_NOT_DISTURB = F.check("doNotDisturb").bat("Do Not Disturb").axl("dndStatus");
  public static final Field DND_OPTION = F.choice("dndOption", DndOption.class).defaults("useCommonPhoneProfileSetting").bat("DND Option").axl("dndOption");
  public static final Field DND_INCOMING_CALL_ALERT =
      F.choice("dndIncomingCallAlert", DndIncomingCallAlert.class).defaults("none").bat("DND Incoming Call Alert").axl("dndRingSetting");
  public static final Field EMCC_CSS = F.freeRef("emccCss").defaults("none").bat("Extension Mobility Cross Cluster CSS").axl("emccCallingSearchSpace");
  public static final Field MODULE_1 = F.freeRef("module1").bat("Module 1");
  public static final Field MODULE_2 = F.freeRef("module2").bat("Module 2");
  public static final Field MLPP_DOMAIN = F.freeRef("mlppDomain").bat("MLPP Domain").axl("mlppDomainId");
  public static final Field MLPP_INDICATION = F.choice("mlppIndication", MlppIndication.class).defaults("default").bat("MLPP Indication").axl("mlppIndicationStatus");
  public static final Field MLPP_PREEMPTION = F.choice("mlppPreemption", MlppPreemption.class).defaults("default").bat("MLPP Preemption").axl("preemption");
  public static final Field LOGIN_USER_ID = F.ref("loginUserId", EndUserFields.ID).bat("Login User ID", 4, 30).axl("loginUserId");
  private static final Field.Maker LINE = F.columnsOf("lines");
  public static final Field LINE_INDEX = LINE.readOnly("index").axl("index");
  public static final Field LINE_DIRECTORY_NUMBER = LINE.text("directoryNumber").mandatory()
      .pattern("[0-9*#+\\\\X]+", "field.pattern.directoryNumber").bat("Directory Number", 0, 24).axl("dirn/pattern");
  public static final Field LINE_PARTITION = LINE.text("partition").bat("Partition").axl("dirn/routePartitionName");
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
