package dev.emcc.format;

import dev.emcc.model.Workspace;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A number that names the shape of the workspace model: every record type reachable from
 * {@link Workspace}, its components (names and types, in order) and every enum's constants. What
 * a console keeps derived from a workspace (the store's snapshot, the sync base's index of a
 * workspace file) is kept with it and used only by a console of the same shape.
 */
public final class ModelShape {
  private static volatile Long fingerprint;

  private ModelShape() {}

  public static long fingerprint() {
    Long f = fingerprint;
    if (f == null) {
      StringBuilder text = new StringBuilder();
      describe(Workspace.class, text, new HashSet<>());
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      CRC32C a = new CRC32C();
      a.update(bytes);
      CRC32 b = new CRC32();
      b.update(bytes);
      f = (a.getValue() << 32) ^ b.getValue() ^ ((long) bytes.length << 48);
      fingerprint = f;
    }
    return f;
  }

  private static void describe(Type type, StringBuilder out, Set<Type> seen) {
    if (type instanceof ParameterizedType p) {
      out.append(((Class<?>) p.getRawType()).getName()).append('<');
      for (Type arg : p.getActualTypeArguments()) {
        describe(arg, out, seen);
        out.append(',');
      }
      out.append('>');
      return;
    }
    if (!(type instanceof Class<?> c)) {
      out.append(type.getTypeName());
      return;
    }
    out.append(c.getName());
    if (!seen.add(c)) {
      return;
    }
    if (c.isEnum()) {
      out.append('{');
      for (Object constant : c.getEnumConstants()) {
        out.append(((Enum<?>) constant).name()).append(',');
      }
      out.append('}');
    } else if (c.isRecord()) {
      out.append('(');
      for (RecordComponent rc : c.getRecordComponents()) {
        out.append(rc.getName()).append(':');
        describe(rc.getGenericType(), out, seen);
        out.append(',');
      }
      out.append(')');
    }
  }
}
