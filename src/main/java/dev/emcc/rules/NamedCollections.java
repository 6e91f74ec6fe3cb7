package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Field;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.List;
import java.util.function.Function;

/**
 * The listed collections of a cluster, each with the field that names its objects, taken from
 * the schema's windows. The rules that treat every collection alike (a name is unique) walk this
 * list, so a new collection needs no more than its window.
 */
final class NamedCollections {
  private NamedCollections() {}

  /** One collection of a cluster and its naming field. */
  record Named<T>(CollectionBinding<T> binding, Field field) {
    static <T> Named<T> of(Window w, CollectionBinding<T> b) {
      return new Named<>(b, w.field(b.nameKey()).orElseThrow());
    }

    Function<Cluster, List<T>> items() {
      return binding.get();
    }

    Function<T, String> name() {
      return binding.name();
    }

    /** The path of the naming field of item {@code i} of cluster {@code c}. */
    String path(int c, int i) {
      return Paths.item(c, binding.clusterKey(), i, field.key());
    }

    Fix fix() {
      return Fix.at(field, null);
    }
  }

  static final List<Named<?>> ALL = Windows.collections().stream()
      .<Named<?>>map(w -> Named.of(w, w.collection().orElseThrow())).toList();

  /** Phones: their names share one namespace with the EMCC devices (see UniqueNameRule). */
  static final Named<?> PHONES = ALL.stream().filter(n -> n.field().window().equals(Windows.PHONE.id()))
      .findFirst().orElseThrow();
}
