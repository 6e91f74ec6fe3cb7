package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.EndUser;
import java.util.List;

/** User Management > End User: who may log in, with which PIN and device profiles. */
public final class EndUserFields {
  public static final String ID = "endUser";
  private static final Field.Maker F = Field.in(ID);

  public static final Field USER_ID = F.text("userId").mandatory().maxLength(128).bat("User ID").axl("userid");
  public static final Field FIRST_NAME = F.text("firstName").bat("First Name", 0, 64).axl("firstName");
  public static final Field LAST_NAME = F.text("lastName").bat("Last Name", 0, 64).axl("lastName");
  public static final Field PRIMARY_EXTENSION = F.text("primaryExtension").bat("Primary Extension", 0, 50).axl("primaryExtension/pattern");
  public static final Field SELF_SERVICE_USER_ID = F.text("selfServiceUserId").bat("Self-Service User ID").axl("selfService");
  /** Typed in clear, stored as a hash ({@code pinHash}): only a new PIN is checked. */
  public static final Field PIN = F.pin("pin").pattern("[0-9]+", "field.pattern.pin").bat("PIN", 0, 128).axl("pin");
  public static final Field PIN_MUST_CHANGE = F.check("pinMustChange").bat("PIN Must Change at Next Login").axl("pinCredentials/pinCredUserMustChange");
  public static final Field ENABLE_EMCC = F.check("enableExtensionMobilityCrossCluster").bat("Enable EMCC").axl("enableEmcc");
  public static final Field CONTROLLED_PROFILES = F.dual("controlledProfiles", DeviceProfileFields.ID).bat("Controlled Profile", 0, 50).axl("phoneProfiles/profileName");

  static final Window WINDOW = Window.form(ID, Menus.USER_MANAGEMENT,
      new CollectionBinding<>(ClusterCollection.END_USERS, () -> new EndUser("", null, null, null, null, null, false, false, null),
          // as CUCM's Find and List Users: first and last name in their own columns
          List.of(new CollectionBinding.Column<>(FIRST_NAME, u -> orEmpty(u.firstName())),
              new CollectionBinding.Column<>(LAST_NAME, u -> orEmpty(u.lastName())),
              new CollectionBinding.Column<>(ENABLE_EMCC, u -> u.enableExtensionMobilityCrossCluster() ? "✔" : ""))),
      Section.of("sec.userInfo", USER_ID, FIRST_NAME, LAST_NAME, PRIMARY_EXTENSION, SELF_SERVICE_USER_ID, PIN,
          PIN_MUST_CHANGE),
      Section.of("sec.extensionMobility", ENABLE_EMCC, CONTROLLED_PROFILES));

  private EndUserFields() {}

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
