package dev.emcc.bench;

import java.util.List;

/**
 * Where the child JVMs' windows are shown: headless Monocle (software rendering) when it is on the
 * class path, else the X display of $DISPLAY, else nowhere (window figures are skipped).
 */
record Display(String name, List<String> jvmOptions) {
  static final String MONOCLE_CLASS = "com.sun.glass.ui.monocle.HeadlessPlatformFactory";

  static Display find() {
    if (onClassPath(MONOCLE_CLASS)) {
      return new Display("headless Monocle (glass.platform=Monocle, monocle.platform=Headless, prism.order=sw)",
          List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
              "-Dprism.text=t2k", "-Djava.awt.headless=true"));
    }
    String x = System.getenv("DISPLAY");
    if (x != null && !x.isBlank()) {
      return new Display("X display " + x + " (GTK)", List.of());
    }
    return null;
  }

  private static boolean onClassPath(String className) {
    String resource = className.replace('.', '/') + ".class";
    return Display.class.getClassLoader().getResource(resource) != null;
  }
}
