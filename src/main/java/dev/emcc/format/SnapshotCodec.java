package dev.emcc.format;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of the model's records (the store's snapshot, a full push's batch): each record as its
 * components in declaration order, read back through its canonical constructor (so its defaults
 * and checks apply as they do to a record read from JSON). No field names; a string seen before
 * in the same chunk is a back reference. One codec per type, built once by reflection over the
 * record components; a type this codec cannot write (a component of a kind not listed in
 * {@link #of}) makes the snapshot unavailable, never wrong: the store then loads its rows.
 *
 * <p>The store's snapshot ({@code dev.emcc.store.Snapshot}) and the binary batch of a full push
 * ({@code dev.emcc.wire.BinaryBatch}) share it: one binary form of the records.
 *
 * <p>A snapshot is written with the model's fingerprint ({@link dev.emcc.format.ModelShape}): one
 * written by a console whose model differs is not read.
 */
public abstract class SnapshotCodec {
  private static final Map<Type, SnapshotCodec> CODECS = new HashMap<>();

  /** Writes one value of this codec's type. */
  public abstract void write(Out out, Object value);

  /** Reads one value; anything inconsistent throws {@link Damaged}. */
  public abstract Object read(In in);

  /** The codec of a component type: records, enums, lists of them, strings, booleans, ints, longs, instants. */
  public static synchronized SnapshotCodec of(Type type) {
    SnapshotCodec c = CODECS.get(type);
    if (c == null) {
      c = make(type);
      CODECS.put(type, c);
      if (c instanceof RecordCodec r) {
        try {
          r.build(); // after it is known: a record may (indirectly) contain itself
        } catch (RuntimeException e) {
          CODECS.remove(type);
          throw e;
        }
      }
    }
    return c;
  }

  private static SnapshotCodec make(Type type) {
    if (type == String.class) {
      return new StringCodec();
    }
    if (type == boolean.class || type == Boolean.class) {
      return new BooleanCodec(type == boolean.class);
    }
    if (type == int.class || type == Integer.class) {
      return new WholeNumberCodec(type == int.class, true);
    }
    if (type == long.class || type == Long.class) {
      return new WholeNumberCodec(type == long.class, false);
    }
    if (type == Instant.class) {
      return new InstantCodec();
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return new ListCodec(of(p.getActualTypeArguments()[0]));
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return new EnumCodec(c);
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return new RecordCodec(c);
    }
    throw new IllegalArgumentException("no binary codec for " + type.getTypeName());
  }

  // ---------------------------------------------------------------------------------------------
  // The buffers

  /** A growing byte buffer with variable-length integers and a table of the strings written. */
  public static final class Out {
    private byte[] buf;
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();

    public Out() {
      this(1 << 16);
    }

    /** A buffer of {@code initial} bytes to start with (it grows as needed). */
    public Out(int initial) {
      buf = new byte[Math.max(16, initial)];
    }

    public int size() {
      return size;
    }

    public byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    public void writeByte(int b) {
      ensure(1);
      buf[size++] = (byte) b;
    }

    /** An unsigned variable-length integer, 7 bits a byte. */
    public void writeVarLong(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    public void writeSigned(long v) {
      writeVarLong((v << 1) ^ (v >> 63));
    }

    /** 0 null, 1 a new string (its UTF-8 length and bytes follow), 2 + n the n-th string of this buffer. */
    public void writeString(String s) {
      if (s == null) {
        writeByte(0);
        return;
      }
      Integer seen = strings.get(s);
      if (seen != null) {
        writeVarLong(2L + seen);
        return;
      }
      strings.put(s, strings.size());
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeByte(1);
      writeVarLong(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }
  }

  /** Reads what {@link Out} wrote; any inconsistency throws {@link Damaged}. */
  public static final class In {
    private final byte[] buf;
    private int pos;
    private final int end;
    private final List<String> strings = new ArrayList<>();

    public In(byte[] buf) {
      this(buf, 0, buf.length);
    }

    public In(byte[] buf, int from, int to) {
      this.buf = buf;
      this.pos = from;
      this.end = to;
    }

    /** Where the next byte is read (for errors that say where). */
    public int position() {
      return pos;
    }

    /** Passes over {@code n} bytes. */
    public void skip(int n) {
      if (n < 0 || n > end - pos) {
        throw new Damaged("the data ends early");
      }
      pos += n;
    }

    public boolean atEnd() {
      return pos == end;
    }

    public int readByte() {
      if (pos >= end) {
        throw new Damaged("the data ends early");
      }
      return buf[pos++] & 0xFF;
    }

    public long readVarLong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new Damaged("a number is too long");
    }

    public int readCount() {
      long v = readVarLong();
      if (v < 0 || v > end - pos + 1L) {
        throw new Damaged("a count is out of range: " + v);
      }
      return (int) v;
    }

    /** A number from 0 to {@code max}. */
    public int readUpTo(long max) {
      long v = readVarLong();
      if (v < 0 || v > max) {
        throw new Damaged("a number is out of range: " + v);
      }
      return (int) v;
    }

    public long readSigned() {
      long v = readVarLong();
      return (v >>> 1) ^ -(v & 1);
    }

    public String readString() {
      long tag = readVarLong();
      if (tag == 0) {
        return null;
      }
      if (tag == 1) {
        int length = readCount();
        if (length > end - pos) {
          throw new Damaged("a string runs past the end");
        }
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        strings.add(s);
        return s;
      }
      if (tag - 2 >= strings.size()) {
        throw new Damaged("a string reference points nowhere");
      }
      return strings.get((int) (tag - 2));
    }
  }

  /** Bytes that do not read as what they should be (damaged, cut short, or of another shape). */
  public static final class Damaged extends RuntimeException {
    public Damaged(String message) {
      super(message, null, false, false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The codecs

  private static final class StringCodec extends SnapshotCodec {
    @Override
    public void write(Out out, Object value) {
      out.writeString((String) value);
    }

    @Override
    public Object read(In in) {
      return in.readString();
    }

  }

  /** 0 false, 1 true, 2 null. */
  private static final class BooleanCodec extends SnapshotCodec {
    private final boolean primitive;

    BooleanCodec(boolean primitive) {
      this.primitive = primitive;
    }

    @Override
    public void write(Out out, Object value) {
      out.writeByte(value == null ? 2 : (Boolean) value ? 1 : 0);
    }

    @Override
    public Object read(In in) {
      int b = in.readByte();
      if (b > 2 || (b == 2 && primitive)) {
        throw new Damaged("not a boolean: " + b);
      }
      return b == 2 ? null : b == 1 ? Boolean.TRUE : Boolean.FALSE;
    }

  }

  /** An int or a long: a null flag (boxed only), then the value zig-zag encoded. */
  private static final class WholeNumberCodec extends SnapshotCodec {
    private final boolean primitive;
    private final boolean narrowToInt;

    WholeNumberCodec(boolean primitive, boolean narrowToInt) {
      this.primitive = primitive;
      this.narrowToInt = narrowToInt;
    }

    @Override
    public void write(Out out, Object value) {
      if (!primitive) {
        out.writeByte(value == null ? 0 : 1);
        if (value == null) {
          return;
        }
      }
      out.writeSigned(((Number) value).longValue());
    }

    @Override
    public Object read(In in) {
      if (!primitive && in.readByte() == 0) {
        return null;
      }
      long v = in.readSigned();
      if (!narrowToInt) {
        return v;
      }
      if (v != (int) v) {
        throw new Damaged("not an int: " + v);
      }
      return (int) v;
    }

  }

  private static final class InstantCodec extends SnapshotCodec {
    @Override
    public void write(Out out, Object value) {
      out.writeByte(value == null ? 0 : 1);
      if (value != null) {
        Instant t = (Instant) value;
        out.writeSigned(t.getEpochSecond());
        out.writeVarLong(t.getNano());
      }
    }

    @Override
    public Object read(In in) {
      if (in.readByte() == 0) {
        return null;
      }
      long seconds = in.readSigned();
      long nanos = in.readVarLong();
      try {
        return Instant.ofEpochSecond(seconds, nanos);
      } catch (RuntimeException e) {
        throw new Damaged("not an instant: " + seconds + "." + nanos);
      }
    }

  }

  /** 0 null, else 1 + the constant's ordinal. */
  private static final class EnumCodec extends SnapshotCodec {
    private final Class<?> type;
    private final Object[] constants;

    EnumCodec(Class<?> type) {
      this.type = type;
      this.constants = type.getEnumConstants();
    }

    @Override
    public void write(Out out, Object value) {
      out.writeVarLong(value == null ? 0 : ((Enum<?>) value).ordinal() + 1L);
    }

    @Override
    public Object read(In in) {
      long v = in.readVarLong();
      if (v == 0) {
        return null;
      }
      if (v > constants.length) {
        throw new Damaged("no constant " + (v - 1) + " of " + type.getSimpleName());
      }
      return constants[(int) v - 1];
    }

  }

  /** 0 null, else 1 + the size, then the elements. */
  private static final class ListCodec extends SnapshotCodec {
    private final SnapshotCodec element;

    ListCodec(SnapshotCodec element) {
      this.element = element;
    }

    @Override
    public void write(Out out, Object value) {
      if (value == null) {
        out.writeByte(0);
        return;
      }
      List<?> list = (List<?>) value;
      out.writeVarLong(list.size() + 1L);
      for (Object item : list) {
        element.write(out, item);
      }
    }

    @Override
    public Object read(In in) {
      int n = in.readCount();
      if (n == 0) {
        return null;
      }
      Object[] items = new Object[n - 1];
      for (int i = 0; i < items.length; i++) {
        items[i] = element.read(in);
        if (items[i] == null) {
          // as the JSON reader refuses [..., null]: no list of the model holds a null
          throw new Damaged("a list holds a null at " + i);
        }
      }
      return Arrays.asList(items); // the record's constructor makes its own copy
    }
  }

  /** 0 null, 1 a record whose components follow in declaration order. */
  static final class RecordCodec extends SnapshotCodec {
    private final Class<?> type;
    private Method[] accessors;
    private SnapshotCodec[] components;
    private Constructor<?> constructor;

    RecordCodec(Class<?> type) {
      this.type = type;
    }

    private void build() {
      RecordComponent[] rc = type.getRecordComponents();
      Class<?>[] types = new Class<?>[rc.length];
      Method[] a = new Method[rc.length];
      SnapshotCodec[] c = new SnapshotCodec[rc.length];
      for (int i = 0; i < rc.length; i++) {
        types[i] = rc[i].getType();
        a[i] = rc[i].getAccessor();
        a[i].setAccessible(true);
        c[i] = of(rc[i].getGenericType());
      }
      try {
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        this.constructor = ctor;
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("no canonical constructor of " + type.getName(), e);
      }
      this.accessors = a;
      this.components = c;
    }

    @Override
    public void write(Out out, Object value) {
      if (value == null) {
        out.writeByte(0);
        return;
      }
      out.writeByte(1);
      try {
        for (int i = 0; i < accessors.length; i++) {
          components[i].write(out, accessors[i].invoke(value));
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + type.getSimpleName() + " for its binary form", e);
      }
    }

    @Override
    public Object read(In in) {
      int flag = in.readByte();
      if (flag == 0) {
        return null;
      }
      if (flag != 1) {
        throw new Damaged("not a " + type.getSimpleName() + ": " + flag);
      }
      Object[] args = new Object[components.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = components[i].read(in);
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        throw new Damaged("a " + type.getSimpleName() + " is refused: " + e.getCause());
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new Damaged("cannot make a " + type.getSimpleName() + ": " + e);
      }
    }

  }
}
