package dev.emcc.rules;

import dev.emcc.catalog.DeviceModels;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import java.util.HashMap;
import java.util.Map;

/**
 * The device-model catalog extended with one cluster's deviceModels, with lookups memoized by the
 * exact product string: a cluster has a handful of models and tens of thousands of devices.
 */
final class ModelLookup {
  private final DeviceModels models;
  private final Map<String, DeviceModel> cache = new HashMap<>();
  private final NameIndex workspaceModels;

  ModelLookup(RuleContext context, Cluster cluster) {
    this.models = context.deviceModels().with(cluster.deviceModels());
    this.workspaceModels = NameIndex.of(cluster.deviceModels(), DeviceModel::name);
  }

  /** True when the cluster's own deviceModels define this product (overriding the built-in entry). */
  boolean isWorkspaceModel(String product) {
    return workspaceModels.contains(product == null ? null : product.strip());
  }

  /** The model of that name, or null when the catalog does not know it. */
  DeviceModel find(String product) {
    if (product == null) {
      return null;
    }
    return cache.computeIfAbsent(product, p -> models.find(p).orElse(null));
  }
}
