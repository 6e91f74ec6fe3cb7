package dev.emcc.sync;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The body of a batch ({@code {"clusterId": ..., "changes": [...]}}, compact), made a piece at a
 * time while it is sent: a full push's 28 MB are never one array on the console's side, and the
 * objects' compact JSON goes out as the bytes it already is. Its length is known before the first
 * byte is sent (the node gets a Content-Length).
 */
final class BatchBody implements Iterable<byte[]> {
  private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
  /** Bytes a piece holds at most (one object larger than this is a piece of its own). */
  private static final int PIECE = 64 * 1024;
  private static final byte[] END = "]}".getBytes(StandardCharsets.UTF_8);

  private final byte[] head;
  /** Per change: what comes before its value (or all of it, for a deletion), and its value. */
  private final List<byte[]> before = new ArrayList<>();
  private final List<byte[]> values = new ArrayList<>();
  private final long length;

  BatchBody(String clusterId, List<NodeClient.ObjectChange> changes) {
    head = ("{\"clusterId\":" + quoted(clusterId) + ",\"changes\":[").getBytes(StandardCharsets.UTF_8);
    long n = head.length + END.length;
    for (int i = 0; i < changes.size(); i++) {
      NodeClient.ObjectChange c = changes.get(i);
      StringBuilder s = new StringBuilder(96);
      if (i > 0) {
        s.append(',');
      }
      s.append("{\"collection\":").append(quoted(c.key().collection())).append(",\"name\":")
          .append(quoted(c.key().name())).append(",\"baseRevision\":").append(c.baseRevision());
      byte[] value = null;
      if (c.value() == null && c.compactValue() == null) {
        s.append(",\"delete\":true}");
      } else {
        s.append(",\"value\":");
        value = c.compactValue() != null ? c.compactValue() : compact(c);
      }
      byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
      before.add(b);
      values.add(value);
      n += b.length + (value == null ? 0 : value.length + 1);
    }
    length = n;
  }

  private static String quoted(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  private static byte[] compact(NodeClient.ObjectChange c) {
    try {
      return COMPACT.writeValueAsBytes(c.value());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  long length() {
    return length;
  }

  /** The whole body in one array (for tests and the benchmark's baseline). */
  byte[] toByteArray() {
    byte[] out = new byte[Math.toIntExact(length)];
    int at = 0;
    for (byte[] piece : this) {
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    return out;
  }

  /** The body in pieces of about {@value #PIECE} bytes, each made when it is asked for. */
  @Override
  public Iterator<byte[]> iterator() {
    return new Iterator<>() {
      private int next = -1; // -1: the head; changes.size(): the end; past it: done

      @Override
      public boolean hasNext() {
        return next <= before.size();
      }

      @Override
      public byte[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        byte[] piece = new byte[PIECE];
        int at = 0;
        while (next <= before.size()) {
          List<byte[]> parts = part(next);
          int size = 0;
          for (byte[] p : parts) {
            size += p.length;
          }
          if (at > 0 && at + size > PIECE) {
            break;
          }
          if (size > piece.length - at) {
            piece = java.util.Arrays.copyOf(piece, at + size);
          }
          for (byte[] p : parts) {
            System.arraycopy(p, 0, piece, at, p.length);
            at += p.length;
          }
          next++;
        }
        return at == piece.length ? piece : java.util.Arrays.copyOf(piece, at);
      }
    };
  }

  private static final byte[] CLOSE = {'}'};

  private List<byte[]> part(int i) {
    if (i < 0) {
      return List.of(head);
    }
    if (i == before.size()) {
      return List.of(END);
    }
    byte[] value = values.get(i);
    return value == null ? List.of(before.get(i)) : List.of(before.get(i), value, CLOSE);
  }
}
