package dev.emcc.ui.forms;

import dev.emcc.catalog.DeviceModels;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.DeviceModelFields;
import dev.emcc.schema.Field;
import dev.emcc.schema.Windows;
import java.util.List;

/** The names a REF or DUAL field offers: the objects of the window it refers to, or its fixed options. */
final class References {
  private References() {}

  static List<String> names(Field field, Cluster c) {
    if (field.refersTo() == null) {
      return field.options();
    }
    if (DeviceModelFields.ID.equals(field.refersTo())) {
      // the built-in catalog as extended (or overridden) by the cluster's own models
      return DeviceModels.builtIn().with(c.deviceModels()).all().stream().map(DeviceModel::name).toList();
    }
    return names(Windows.of(field.refersTo()).collection().orElseThrow(), c);
  }

  private static <T> List<String> names(CollectionBinding<T> b, Cluster c) {
    return b.get().apply(c).stream().map(b.name()).filter(n -> n != null && !n.isEmpty()).toList();
  }
}
