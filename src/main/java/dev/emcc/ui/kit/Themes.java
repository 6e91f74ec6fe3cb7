package dev.emcc.ui.kit;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two AtlantaFX themes of the console. */
public enum Themes {
  LIGHT,
  DARK;

  public void apply() {
    Application.setUserAgentStylesheet(this == DARK
        ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
  }

  public static Themes parse(String s) {
    return "dark".equalsIgnoreCase(s) ? DARK : LIGHT;
  }
}
