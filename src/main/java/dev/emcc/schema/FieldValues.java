package dev.emcc.schema;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a field's value from an object by its key: from a record of the model through the
 * accessor of the component of that name (the JSON key and the component name are one). Dotted
 * keys walk nested records. A key is resolved once per class: validation reads every object of
 * a 100,000-object workspace.
 */
final class FieldValues {
  /** A key the object does not carry: the node's cluster settings have no cluster id, say. */
  static final Object ABSENT = new Object();

  /** Reads one key on objects of one class. */
  interface Reader {
    Object read(Object object);
  }

  private static final ClassValue<Map<String, Reader>> READERS = new ClassValue<>() {
    @Override protected Map<String, Reader> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private FieldValues() {}

  static Reader reader(Class<?> type, String key) {
    return READERS.get(type).computeIfAbsent(key, k -> compile(type, k));
  }

  private static Reader compile(Class<?> type, String key) {
    int dot = key.indexOf('.');
    Method accessor = accessor(type, dot < 0 ? key : key.substring(0, dot));
    if (accessor == null) {
      return o -> ABSENT;
    }
    if (dot < 0) {
      return o -> invoke(accessor, o);
    }
    // the nested record's class is the component's declared type: resolve the rest once too
    Reader rest = reader(accessor.getReturnType(), key.substring(dot + 1));
    return o -> {
      Object v = invoke(accessor, o);
      return v == null ? null : rest.read(v);
    };
  }

  private static Object invoke(Method accessor, Object o) {
    try {
      return accessor.invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + accessor.getName() + " of " + o.getClass().getSimpleName(), e);
    }
  }

  private static Method accessor(Class<?> type, String name) {
    if (!type.isRecord()) {
      return null;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c.getAccessor();
      }
    }
    return null;
  }

  static Object read(Object object, String key) {
    return reader(object.getClass(), key).read(object);
  }
}
