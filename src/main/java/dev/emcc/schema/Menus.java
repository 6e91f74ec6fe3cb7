package dev.emcc.schema;

import java.util.List;

/** The CUCM menus the navigation tree follows (reference §2), as message keys, outermost first. */
public final class Menus {
  private Menus() {}

  public static final List<String> SERVICEABILITY_TOOLS = List.of("nav.serviceability", "nav.tools");
  public static final List<String> SERVICEABILITY_REPORTS = List.of("nav.serviceability", "nav.reports");
  public static final List<String> SYSTEM = List.of("nav.cmAdmin", "nav.system");
  public static final List<String> DEVICE = List.of("nav.cmAdmin", "nav.device");
  public static final List<String> DEVICE_SETTINGS = List.of("nav.cmAdmin", "nav.device", "nav.deviceSettings");
  public static final List<String> USER_MANAGEMENT = List.of("nav.cmAdmin", "nav.userManagement");
  public static final List<String> BULK_EMCC = List.of("nav.cmAdmin", "nav.bulkAdministration", "nav.bulkEmcc");
  public static final List<String> ADVANCED_FEATURES = List.of("nav.cmAdmin", "nav.advancedFeatures");
  public static final List<String> ADVANCED_EMCC = List.of("nav.cmAdmin", "nav.advancedFeatures", "nav.advancedEmcc");
  public static final List<String> OS_SECURITY = List.of("nav.osAdmin", "nav.security");
  public static final List<String> CONSOLE = List.of("nav.console");
  public static final List<String> TRAINING = List.of("nav.training");
}
