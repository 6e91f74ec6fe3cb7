package dev.emcc.schema;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a field's value from an object by its key: from a record of the model through the
 * accessor of the component of that name (the JSON key and the component name are one). Dotted
 * keys walk nested records.
 */
final class FieldValues {
  /** A key the object does not carry: the node's cluster settings have no cluster id, say. */
  static final Object ABSENT = new Object();

  private static final Map<Class<?>, Map<String, Optional<Method>>> ACCESSORS = new ConcurrentHashMap<>();

  private FieldValues() {}

  static Object read(Object object, String key) {
    Object at = object;
    int from = 0;
    while (true) {
      int dot = key.indexOf('.', from);
      String part = dot < 0 ? key.substring(from) : key.substring(from, dot);
      at = component(at, part);
      if (dot < 0 || at == null || at == ABSENT) {
        return at;
      }
      from = dot + 1;
    }
  }

  private static Object component(Object object, String name) {
    Optional<Method> accessor = ACCESSORS.computeIfAbsent(object.getClass(), t -> new ConcurrentHashMap<>())
        .computeIfAbsent(name, n -> accessor(object.getClass(), n));
    if (accessor.isEmpty()) {
      return ABSENT;
    }
    try {
      return accessor.get().invoke(object);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + name + " of " + object.getClass().getSimpleName(), e);
    }
  }

  private static Optional<Method> accessor(Class<?> type, String name) {
    if (!type.isRecord()) {
      return Optional.empty();
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return Optional.of(c.getAccessor());
      }
    }
    return Optional.empty();
  }
}
