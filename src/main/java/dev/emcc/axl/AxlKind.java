package dev.emcc.axl;

import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.CommonDeviceConfigFields;
import dev.emcc.schema.DevicePoolFields;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.EndUserFields;
import dev.emcc.schema.GeolocationFields;
import dev.emcc.schema.GeolocationFilterFields;
import dev.emcc.schema.PhoneFields;
import dev.emcc.schema.PhoneServiceFields;
import dev.emcc.schema.RemoteClusterFields;
import dev.emcc.schema.ServiceActivationFields;
import dev.emcc.schema.SipTrunkFields;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.Optional;

/**
 * The workspace's named objects as AXL knows them: the AXL object name (the operations are
 * {@code list/get/add/update/remove} + it), its element, the element that identifies one, and
 * the console window (and so the collection and fields) it maps to. In dependency order: what
 * an object names comes before it, so a push adds in this order and removes in the reverse.
 */
public enum AxlKind {
  PROCESS_NODE("ProcessNode", "processNode", "name", ServiceActivationFields.ID, false),
  DEVICE_POOL("DevicePool", "devicePool", "name", DevicePoolFields.ID, false),
  GEO_LOCATION("GeoLocation", "geoLocation", "name", GeolocationFields.ID, true),
  GEO_LOCATION_FILTER("GeoLocationFilter", "geoLocationFilter", "name", GeolocationFilterFields.ID, true),
  COMMON_DEVICE_CONFIG("CommonDeviceConfig", "commonDeviceConfig", "name", CommonDeviceConfigFields.ID, true),
  IP_PHONE_SERVICES("IpPhoneServices", "ipPhoneServices", "serviceName", PhoneServiceFields.ID, true),
  SIP_TRUNK("SipTrunk", "sipTrunk", "name", SipTrunkFields.ID, true),
  DEVICE_PROFILE("DeviceProfile", "deviceProfile", "name", DeviceProfileFields.ID, true),
  USER("User", "user", "userid", EndUserFields.ID, true),
  PHONE("Phone", "phone", "name", PhoneFields.ID, true),
  REMOTE_CLUSTER("RemoteCluster", "remoteCluster", "clusterId", RemoteClusterFields.ID, true);

  private final String axlName;
  private final String element;
  private final String identity;
  private final String windowId;
  private final boolean writable;

  AxlKind(String axlName, String element, String identity, String windowId, boolean writable) {
    this.axlName = axlName;
    this.element = element;
    this.identity = identity;
    this.windowId = windowId;
    this.writable = writable;
  }

  /** The AXL object name: {@code Phone} in {@code getPhone}. */
  public String axlName() {
    return axlName;
  }

  /** The element of one object in requests and answers ({@code phone}). */
  public String element() {
    return element;
  }

  /** The element naming one object in get/update/remove and list search criteria ({@code name}, {@code userid}). */
  public String identity() {
    return identity;
  }

  public Window window() {
    return Windows.of(windowId);
  }

  public CollectionBinding<?> binding() {
    return window().collection().orElseThrow();
  }

  /** The cluster document's key of the collection ({@code phones}). */
  public String collection() {
    return binding().clusterKey();
  }

  /** The JSON key of the object's name ({@code name}, {@code userId}). */
  public String nameKey() {
    return binding().nameKey();
  }

  /** False for what the workspace only reads over AXL (device pools, nodes). */
  public boolean writable() {
    return writable;
  }

  public String operation(String verb) {
    return verb + axlName;
  }

  /** The kind of an AXL object name ({@code Phone}), if the workspace holds it. */
  public static Optional<AxlKind> ofAxlName(String name) {
    for (AxlKind k : values()) {
      if (k.axlName.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  public static Optional<AxlKind> ofCollection(String collection) {
    for (AxlKind k : values()) {
      if (k.collection().equals(collection)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
