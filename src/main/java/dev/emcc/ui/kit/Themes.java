package dev.emcc.ui.kit;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.application.Application;

/**
 * The two AtlantaFX themes of the console, each with the console's few overrides appended
 * ({@code flat-popups.css}): one user-agent stylesheet, so that every window, dialog and popup
 * gets them.
 */
public enum Themes {
  LIGHT(new PrimerLight()),
  DARK(new PrimerDark());

  private final Theme theme;
  private volatile String stylesheet;

  Themes(Theme theme) {
    this.theme = theme;
  }

  public void apply() {
    Application.setUserAgentStylesheet(stylesheet());
  }

  /** The theme's stylesheet and the overrides as one data: URL (JavaFX reads those since 17). */
  String stylesheet() {
    String s = stylesheet;
    if (s == null) {
      String css = read(theme.getUserAgentStylesheet()) + "\n" + read("/dev/emcc/ui/kit/flat-popups.css");
      s = "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
      stylesheet = s;
    }
    return s;
  }

  private static String read(String resource) {
    try (InputStream in = Themes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing stylesheet " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Themes parse(String s) {
    return "dark".equalsIgnoreCase(s) ? DARK : LIGHT;
  }
}
