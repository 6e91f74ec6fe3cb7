package dev.emcc.model;

import java.util.List;

/**
 * A phone model: which protocols it speaks and whether it supports EMCC. A workspace's entries
 * extend or override the built-in device-model catalog. {@code dndOptions}, when given, lists
 * the only DND options the product allows (SCCP 7940/7960: ringer off; mobile: call reject).
 */
public record DeviceModel(
    String name, List<Protocol> protocols, boolean supportsEmcc, List<DndOption> dndOptions) {
  public DeviceModel {
    protocols = Defaults.list(protocols);
    dndOptions = Defaults.list(dndOptions);
  }
}
