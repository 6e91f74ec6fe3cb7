package dev.emcc.bat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * The model's records read and made by their components' names, which are the schema's keys (the
 * JSON keys): a row's values become a record without a mapper per kind. Resolved once per class.
 */
final class Records {
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  private Records() {}

  /** A record class: its components in order, their accessors and its canonical constructor. */
  static final class Shape {
    final Class<?> type;
    final RecordComponent[] components;
    final Map<String, Integer> index = new HashMap<>();
    final Method[] accessors;
    final Constructor<?> constructor;

    private Shape(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(type + " is not a record");
      }
      this.type = type;
      this.components = type.getRecordComponents();
      this.accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        index.put(components[i].getName(), i);
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor of " + type, e);
      }
    }

    boolean has(String key) {
      return index.containsKey(key);
    }

    Class<?> typeOf(String key) {
      return components[index.get(key)].getType();
    }

    /** The element class of a {@code List<E>} component. */
    Class<?> elementOf(String key) {
      Type t = components[index.get(key)].getGenericType();
      if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
        return c;
      }
      throw new IllegalStateException(key + " of " + type.getSimpleName() + " is not a list of a class");
    }

    Object get(Object record, String key) {
      Integer i = index.get(key);
      if (i == null) {
        throw new IllegalArgumentException(type.getSimpleName() + " has no " + key);
      }
      try {
        return accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + key + " of " + type.getSimpleName(), e);
      }
    }

    /** A copy of {@code base} (null: every component null or false/0) with some components replaced. */
    Object with(Object base, Map<String, Object> changes) {
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        String key = components[i].getName();
        if (changes.containsKey(key)) {
          args[i] = changes.get(key);
        } else if (base != null) {
          args[i] = get(base, key);
        } else {
          args[i] = null;
        }
        if (args[i] == null && components[i].getType().isPrimitive()) {
          args[i] = components[i].getType() == boolean.class ? Boolean.FALSE : Integer.valueOf(0);
        }
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
      }
    }
  }

  static Shape of(Class<?> type) {
    return SHAPES.get(type);
  }
}
