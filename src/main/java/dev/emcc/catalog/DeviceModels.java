package dev.emcc.catalog;

import dev.emcc.model.DeviceModel;
import dev.emcc.model.DndOption;
import dev.emcc.model.Protocol;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The device-model catalog: which phone models support EMCC, their protocols and the DND options
 * the product allows. A workspace's {@code deviceModels} entries extend or override it by name.
 */
public final class DeviceModels {
  private final Map<String, DeviceModel> byName;

  private DeviceModels(Map<String, DeviceModel> byName) {
    this.byName = byName;
  }

  /** The built-in catalog. */
  public static DeviceModels builtIn() {
    Map<String, DeviceModel> m = new LinkedHashMap<>();
    List<Protocol> both = List.of(Protocol.SCCP, Protocol.SIP);
    List<Protocol> sip = List.of(Protocol.SIP);
    for (String n : List.of("7811", "7821", "7841", "7861", "8811", "8841", "8845", "8851", "8861",
        "8865", "8961", "9951", "9971")) {
      put(m, new DeviceModel("Cisco " + n, n.startsWith("78") || n.startsWith("88") ? both : sip, true, List.of()));
    }
    put(m, new DeviceModel("Cisco 7940", both, false, List.of(DndOption.RINGER_OFF)));
    put(m, new DeviceModel("Cisco 7960", both, false, List.of(DndOption.RINGER_OFF)));
    put(m, new DeviceModel("Cisco Dual Mode for iPhone", sip, false, List.of(DndOption.CALL_REJECT)));
    put(m, new DeviceModel("Cisco Dual Mode for Android", sip, false, List.of(DndOption.CALL_REJECT)));
    return new DeviceModels(m);
  }

  private static void put(Map<String, DeviceModel> m, DeviceModel d) {
    m.put(d.name().toLowerCase(Locale.ROOT), d);
  }

  /** This catalog extended (or overridden by name) with a workspace's own entries. */
  public DeviceModels with(Collection<DeviceModel> workspaceModels) {
    Map<String, DeviceModel> m = new LinkedHashMap<>(byName);
    workspaceModels.forEach(d -> put(m, d));
    return new DeviceModels(m);
  }

  public Optional<DeviceModel> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  public Collection<DeviceModel> all() {
    return List.copyOf(byName.values());
  }
}
