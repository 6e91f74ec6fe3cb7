package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every window of the console, once, in the order of the navigation tree: the form windows with
 * their fields and the views of their own. Window ids, menu paths and fields come from here.
 */
public final class Windows {
  public static final Window SERVICE_ACTIVATION = ServiceActivationFields.WINDOW;
  public static final Window PHONE_FEATURE_LIST = Window.view("phoneFeatureList", Menus.SERVICEABILITY_REPORTS);
  public static final Window CLUSTER = ClusterFields.WINDOW;
  public static final Window EM_SERVICE_PARAMETERS = EmServiceParametersFields.WINDOW;
  public static final Window GEOLOCATION = GeolocationFields.WINDOW;
  public static final Window GEOLOCATION_FILTER = GeolocationFilterFields.WINDOW;
  public static final Window DEVICE_POOL = DevicePoolFields.WINDOW;
  public static final Window PHONE = PhoneFields.WINDOW;
  public static final Window SIP_TRUNK = SipTrunkFields.WINDOW;
  public static final Window PHONE_SERVICE = PhoneServiceFields.WINDOW;
  public static final Window DEVICE_PROFILE = DeviceProfileFields.WINDOW;
  public static final Window COMMON_DEVICE_CONFIG = CommonDeviceConfigFields.WINDOW;
  public static final Window APPLICATION_USER = ApplicationUserFields.WINDOW;
  public static final Window END_USER = EndUserFields.WINDOW;
  public static final Window EMCC_TEMPLATE = EmccTemplateFields.WINDOW;
  public static final Window EMCC_DEVICES = EmccDevicesFields.WINDOW;
  public static final Window REMOTE_CLUSTER = RemoteClusterFields.WINDOW;
  public static final Window EMCC_FEATURE_CONFIG = EmccFeatureConfigFields.WINDOW;
  public static final Window INTERCLUSTER_SERVICE_PROFILE = InterclusterServiceProfileFields.WINDOW;
  public static final Window CERTIFICATES = CertificatesFields.WINDOW;
  public static final Window CHECKLIST = Window.view("checklist", Menus.CONSOLE);
  public static final Window CLUSTER_PICTURE = Window.view("clusterPicture", Menus.CONSOLE);
  public static final Window PROBLEMS = Window.view("problems", Menus.CONSOLE);
  public static final Window ERROR_LOOKUP = Window.view("errorLookup", Menus.CONSOLE);
  /** Help page: the seed's interactions and restrictions (tables 3 and 4). */
  public static final Window RESTRICTIONS = Window.view("restrictions", Menus.CONSOLE);
  public static final Window DEVICE_MODEL = DeviceModelFields.WINDOW;
  public static final Window SYNC = Window.view("sync", Menus.CONSOLE);
  public static final Window SIMULATOR = Window.view("simulator", Menus.TRAINING);

  /** In navigation order: within a menu, windows keep this order and submenus come where their first window is. */
  public static final List<Window> ALL = List.of(SERVICE_ACTIVATION, PHONE_FEATURE_LIST, CLUSTER,
      EM_SERVICE_PARAMETERS, GEOLOCATION, GEOLOCATION_FILTER, DEVICE_POOL, PHONE, SIP_TRUNK, PHONE_SERVICE,
      DEVICE_PROFILE, COMMON_DEVICE_CONFIG, END_USER, APPLICATION_USER, EMCC_TEMPLATE, EMCC_DEVICES, REMOTE_CLUSTER,
      EMCC_FEATURE_CONFIG, INTERCLUSTER_SERVICE_PROFILE, CERTIFICATES, CHECKLIST, CLUSTER_PICTURE, PROBLEMS,
      ERROR_LOOKUP, RESTRICTIONS, DEVICE_MODEL, SYNC, SIMULATOR);

  private static final Map<String, Window> BY_ID = index();

  private Windows() {}

  private static Map<String, Window> index() {
    Map<String, Window> m = new LinkedHashMap<>();
    for (Window w : ALL) {
      if (m.put(w.id(), w) != null) {
        throw new IllegalStateException("two windows with the id " + w.id());
      }
    }
    return m;
  }

  public static Optional<Window> get(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The window of that id; an unknown id is a programming error. */
  public static Window of(String id) {
    return get(id).orElseThrow(() -> new IllegalArgumentException("no window " + id));
  }

  /** A field of a window, by its key (columns of a table by "table.column"). */
  public static Optional<Field> field(String window, String key) {
    return get(window).flatMap(w -> w.field(key));
  }

  /** The window that edits a part of the cluster; none for the parts without one (trust stores, ...). */
  public static Optional<Window> forCollection(ClusterCollection<?> collection) {
    return ALL.stream().filter(w -> w.binding() != null && w.binding().collection() == collection).findFirst();
  }

  /** The windows with a list of named objects, in navigation order. */
  public static List<Window> collections() {
    return ALL.stream().filter(w -> w.collection().isPresent()).toList();
  }
}
