package dev.emcc.bat;

import java.util.regex.Pattern;

/**
 * The names BAT gives EMCC devices (Bulk Administration > EMCC > Insert/Update EMCC: EMCC1,
 * EMCC2, ..., numbered after the last one used, seed line 366). BAT refuses a file whose phone,
 * profile or template names look like them, and so do import and export here.
 */
public final class EmccNames {
  private static final Pattern EMCC_DEVICE = Pattern.compile("(?i)EMCC[0-9]+");

  private EmccNames() {}

  public static boolean collides(String name) {
    return name != null && EMCC_DEVICE.matcher(name.strip()).matches();
  }
}
