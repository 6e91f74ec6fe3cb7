package dev.emcc.schema;

import dev.emcc.model.ApplicationRole;
import dev.emcc.model.ApplicationUser;
import dev.emcc.model.ClusterCollection;
import java.util.List;

/**
 * User Management > Application User: a program's account (an EM API or AXL client), its password
 * (typed in clear, stored as a hash) and its roles.
 */
public final class ApplicationUserFields {
  public static final String ID = "applicationUser";
  private static final Field.Maker F = Field.in(ID);

  public static final Field USER_ID = F.text("userId").mandatory().maxLength(128);
  public static final Field DESCRIPTION = F.text("description").maxLength(128);
  /** Typed in clear, stored as a hash ({@code passwordHash}): only a new password is checked. */
  public static final Field PASSWORD = F.pin("password").pattern("(?s)(?=.*\\S).{8,127}", "field.pattern.password");
  public static final Field ROLES = F.dualOf("roles", ApplicationRole.class);

  static final Window WINDOW = Window.form(ID, Menus.USER_MANAGEMENT,
      new CollectionBinding<>(ClusterCollection.APPLICATION_USERS, () -> new ApplicationUser("", null, null, null),
          List.of(new CollectionBinding.Column<>(DESCRIPTION, u -> u.description() == null ? "" : u.description()))),
      Section.of("sec.applicationUserInfo", USER_ID, DESCRIPTION, PASSWORD),
      Section.of("sec.permissions", ROLES));

  private ApplicationUserFields() {}
}
