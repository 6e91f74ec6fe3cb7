package dev.emcc.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies of a record with one component replaced, through its canonical constructor (so its
 * defaults and checks apply): one generic {@code with} instead of a constructor call per wither
 * that names every component.
 */
final class RecordCopy<R extends Record> {
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;
  private final Map<String, Integer> index = new HashMap<>();

  private RecordCopy(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    accessors = new MethodHandle[components.length];
    Class<?>[] types = new Class<?>[components.length];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (int i = 0; i < components.length; i++) {
        accessors[i] = lookup.unreflect(components[i].getAccessor());
        types[i] = components[i].getType();
        index.put(components[i].getName(), i);
      }
      constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, components.length);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
    }
  }

  static <R extends Record> RecordCopy<R> of(Class<R> type) {
    return new RecordCopy<>(type);
  }

  /** True when the record has a component of that name. */
  boolean has(String component) {
    return index.containsKey(component);
  }

  /** {@code record} with {@code component} set to {@code value}. */
  @SuppressWarnings("unchecked")
  R with(R record, String component, Object value) {
    Integer at = index.get(component);
    if (at == null) {
      throw new IllegalArgumentException("no component " + component);
    }
    Object[] values = new Object[accessors.length];
    try {
      for (int i = 0; i < values.length; i++) {
        values[i] = i == at ? value : accessors[i].invoke(record);
      }
      return (R) constructor.invoke(values);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
