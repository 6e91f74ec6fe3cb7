package dev.emcc.bat;

import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a BAT file holds: users, user device profiles, or phones (their insert file adds users). */
public enum BatKind {
  USERS("users", Windows.END_USER),
  UDP("udp", Windows.DEVICE_PROFILE),
  PHONES("phones", Windows.PHONE);

  private final String id;
  private final Window window;

  BatKind(String id, Window window) {
    this.id = id;
    this.window = window;
  }

  /** The word of the command line ({@code --kind users|udp|phones}). */
  public String id() {
    return id;
  }

  /** The window whose objects a row of this kind is. */
  public Window window() {
    return window;
  }

  public static Optional<BatKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** Its name in a language ("users", "ユーザ"). */
  public String text(Locale locale) {
    return BatMessages.text(locale, "kind." + id);
  }
}
