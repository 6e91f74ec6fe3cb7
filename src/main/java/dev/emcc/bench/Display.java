package dev.emcc.bench;

import java.util.List;

/**
 * Where the child JVMs' windows are shown: headless Monocle (software rendering), or a real GTK
 * window on the X display of $DISPLAY (for example under {@code xvfb-run}).
 */
record Display(String name, List<String> jvmOptions) {
  static final String MONOCLE_CLASS = "com.sun.glass.ui.monocle.HeadlessPlatformFactory";
  static final String AUTO = "auto";
  static final String MONOCLE = "monocle";
  static final String GTK = "gtk";

  /**
   * {@code monocle}: headless Monocle (null when it is not on the class path); {@code gtk}: GTK on
   * $DISPLAY (null without one); {@code auto}: Monocle when it is on the class path, else GTK.
   */
  static Display find(String choice) {
    boolean monocle = onClassPath(MONOCLE_CLASS);
    String x = System.getenv("DISPLAY");
    boolean gtk = x != null && !x.isBlank();
    if ((MONOCLE.equals(choice) || AUTO.equals(choice)) && monocle) {
      return new Display("headless Monocle (glass.platform=Monocle, monocle.platform=Headless, prism.order=sw)",
          List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
              "-Dprism.text=t2k", "-Djava.awt.headless=true"));
    }
    if ((GTK.equals(choice) || AUTO.equals(choice)) && gtk) {
      return new Display("GTK on X display " + x + " (glass.platform=gtk)", List.of("-Dglass.platform=gtk"));
    }
    return null;
  }

  private static boolean onClassPath(String className) {
    String resource = className.replace('.', '/') + ".class";
    return Display.class.getClassLoader().getResource(resource) != null;
  }
}
