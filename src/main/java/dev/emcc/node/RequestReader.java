package dev.emcc.node;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;

/**
 * Reads what a client sends, strictly and within bounds: the body without holding a thread while
 * the client is slow (a deadline of {@link ServerLimits#bodyTime} and the size limit), framing
 * failures (bad chunks, a body shorter than its Content-Length), encodings (identity only; UTF-8
 * only, invalid bytes are an error, never replaced), JSON nesting depth, and strict percent
 * decoding of forms, queries and path segments. Every refusal is an {@link Unreadable} with our
 * own message; no library's text is passed on.
 */
final class RequestReader {
  /** Deeper JSON than this is refused before any parser sees it (our documents are 5 deep). */
  static final int MAX_JSON_DEPTH = 64;

  private final ServerLimits limits;

  RequestReader(ServerLimits limits) {
    this.limits = limits;
  }

  /** Checks what the head says about the body before reading it. */
  void checkHead(Exchange ex) throws Unreadable {
    String encoding = ex.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      throw new Unreadable(415, "Content-Encoding " + encoding.trim() + " is not supported: send the body "
          + "uncompressed", true);
    }
    String type = ex.header("Content-Type");
    if (type != null) {
      for (String param : type.split(";")) {
        String p = param.trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("charset=")) {
          String cs = p.substring(8).replace("\"", "").trim();
          if (!cs.equals("utf-8") && !cs.equals("utf8")) {
            throw new Unreadable(415, "only UTF-8 bodies are accepted, not charset " + cs, true);
          }
        }
      }
    }
    String length = ex.header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limits.bodyLimit() + DRAIN_CAP) {
          throw tooLarge(true);
        }
      } catch (NumberFormatException e) {
        throw new Unreadable(400, "the Content-Length is not a number", true);
      }
    }
  }

  /**
   * Bytes read and dropped past the limit (or of a request refused from its head), so that the
   * client, still sending, gets to read the answer; beyond them the connection is closed.
   */
  static final long DRAIN_CAP = 16L * 1024 * 1024;

  private Unreadable tooLarge(boolean close) {
    return new Unreadable(413, "the request body is larger than this node's limit of " + limits.bodyLimit()
        + " bytes", close);
  }

  /**
   * Reads the whole body. {@code done} or {@code failed} is called once: on the calling thread when
   * the body was already there, else on a thread of the server's pool (endpoints may block).
   */
  void read(Request request, Consumer<byte[]> done, Consumer<Unreadable> failed) {
    new BodyRead(request, true, done, failed).start();
  }

  /**
   * Reads and drops the body of a request answered from its head, so that the client reads the
   * answer and can reuse the connection; {@code then} gets whether the connection must close
   * (the body was too large, too slow or malformed).
   */
  void discard(Request request, Consumer<Boolean> then) {
    if (request.getLength() == 0) {
      then.accept(false);
      return;
    }
    new BodyRead(request, false, b -> then.accept(false), u -> then.accept(true)).start();
  }

  /** The body's bytes, handed over without a last copy when the declared length was right. */
  private static final class BodyBuffer extends ByteArrayOutputStream {
    BodyBuffer(int size) {
      super(size);
    }

    byte[] take() {
      return count == buf.length ? buf : toByteArray();
    }
  }

  private final class BodyRead implements Runnable {
    private final Request request;
    private final Consumer<byte[]> done;
    private final Consumer<Unreadable> failed;
    private final boolean keep;
    private final long declared;
    private final long started = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final BodyBuffer buf;
    private volatile long received;
    private volatile Thread inline;
    private volatile org.eclipse.jetty.util.thread.Scheduler.Task timer;

    BodyRead(Request request, boolean keep, Consumer<byte[]> done, Consumer<Unreadable> failed) {
      this.request = request;
      this.keep = keep;
      this.done = done;
      this.failed = failed;
      this.declared = request.getLength();
      this.buf = new BodyBuffer(!keep ? 0
          : (int) Math.max(0, Math.min(declared < 0 ? 8192 : declared, Math.min(limits.bodyLimit(), 64L << 20))));
    }

    void start() {
      inline = Thread.currentThread();
      arm(limits.bodyTime(Math.max(declared, 0)).toMillis());
      try {
        run();
      } finally {
        inline = null;
      }
    }

    private void arm(long millis) {
      timer = request.getComponents().getScheduler().schedule(this::expire, Math.max(1, millis), TimeUnit.MILLISECONDS);
    }

    /** The body's deadline: its grace plus what has (or should have) arrived at the minimum rate. */
    private void expire() {
      if (finished.get()) {
        return;
      }
      long allowed = limits.bodyTime(Math.max(declared, received)).toMillis();
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      if (elapsed < allowed) {
        arm(allowed - elapsed);
        return;
      }
      fail(new Unreadable(408, declared >= 0
          ? "the body did not arrive in time: " + received + " of its " + declared + " bytes in " + elapsed + " ms"
          : "the body did not arrive in time: " + received + " bytes in " + elapsed + " ms", true));
    }

    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          fail(framing(chunk.getFailure()));
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        received += n;
        long allowed = keep ? limits.bodyLimit() : 0;
        if (received > allowed + DRAIN_CAP) {
          chunk.release();
          fail(keep ? tooLarge(true) : new Unreadable(413, "too much body to drop", true));
          return;
        }
        if (n > 0 && received <= allowed) {
          if (b.hasArray()) {
            buf.write(b.array(), b.arrayOffset() + b.position(), n);
          } else {
            byte[] bytes = new byte[n];
            b.get(bytes);
            buf.write(bytes, 0, n);
          }
        }
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          if (received > allowed && keep) {
            fail(tooLarge(false)); // read to its end: the connection stays usable
          } else if (finished.compareAndSet(false, true)) {
            byte[] body = buf.take();
            deliver(() -> done.accept(body));
          }
          return;
        }
      }
    }

    private void fail(Unreadable u) {
      if (finished.compareAndSet(false, true)) {
        deliver(() -> failed.accept(u));
      }
    }

    private void deliver(Runnable r) {
      org.eclipse.jetty.util.thread.Scheduler.Task t = timer;
      if (t != null) {
        t.cancel();
      }
      if (inline == Thread.currentThread()) {
        r.run();
      } else {
        request.getComponents().getExecutor().execute(r);
      }
    }

    /** What went wrong with the body's framing, in our words. */
    private Unreadable framing(Throwable t) {
      if (t instanceof TimeoutException || t.getCause() instanceof TimeoutException) {
        return new Unreadable(408, declared >= 0
            ? "the body stopped after " + received + " of its " + declared + " bytes (Content-Length)"
            : "the body stopped after " + received + " bytes", true);
      }
      if (t instanceof EofException || t.getCause() instanceof EofException) {
        return new Unreadable(400, declared >= 0
            ? "the body ended after " + received + " of its " + declared + " bytes (Content-Length)"
            : "the chunked body is malformed or ended before its last chunk", true);
      }
      if (t instanceof HttpException h && h.getCode() == 413) {
        return tooLarge(true);
      }
      return new Unreadable(400, request.getHeaders().contains("Transfer-Encoding")
          ? "the chunked body is malformed (a chunk size or chunk end is not as HTTP/1.1 defines it)"
          : "the body could not be read as HTTP/1.1 frames it", true);
    }
  }

  // ---- text ----

  /** The body as text: UTF-8, strictly (an invalid byte is an error, never replaced). */
  static String utf8(byte[] bytes, String what) throws Unreadable {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      throw invalidUtf8(bytes, in.position(), what);
    }
    d.flush(out);
    return out.flip().toString();
  }

  /**
   * Checks a JSON body before a parser sees it: valid UTF-8 and nested at most
   * {@value #MAX_JSON_DEPTH} deep (brackets outside strings; in UTF-8 they are never part of a
   * multi-byte character).
   */
  static void checkJson(byte[] body) throws Unreadable {
    // one pass for the depth that also tells whether any byte is not ASCII: an all-ASCII body
    // (the usual one) is valid UTF-8 without decoding it
    int depth = 0;
    int tooDeep = -1;
    boolean ascii = true;
    boolean inString = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (b < 0) {
        ascii = false;
      } else if (inString) {
        if (b == '\\') {
          if (i + 1 < body.length && body[i + 1] < 0) {
            ascii = false;
          }
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > MAX_JSON_DEPTH && tooDeep < 0) {
          tooDeep = i;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    if (!ascii) {
      CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(body);
      CharBuffer out = CharBuffer.allocate(64 * 1024);
      while (true) {
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
          throw invalidUtf8(body, in.position(), "the JSON body");
        }
        if (r.isUnderflow()) {
          break;
        }
        out.clear();
      }
    }
    if (tooDeep >= 0) {
      int[] at = lineAndColumn(body, tooDeep);
      throw new Unreadable(400, "the JSON body is nested deeper than " + MAX_JSON_DEPTH + " levels (line "
          + at[0] + ", column " + at[1] + ")");
    }
  }

  private static Unreadable invalidUtf8(byte[] bytes, int offset, String what) {
    int[] at = lineAndColumn(bytes, offset);
    return new Unreadable(400, what + " is not valid UTF-8: byte " + offset + " (line " + at[0] + ", column "
        + at[1] + ") starts no character");
  }

  private static int[] lineAndColumn(byte[] bytes, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  // ---- percent-encoding ----

  /** A field of a form or query ({@code a=1&b=2}), decoded strictly; null when absent. */
  static String formField(String form, String name) throws Unreadable {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true, "the form");
      if (k.equals(name)) {
        return eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true, "the form field " + name);
      }
    }
    return null;
  }

  /** One path segment, decoded strictly ({@code +} stays a plus sign in a path). */
  static String pathSegment(String segment) throws Unreadable {
    return percentDecode(segment, false, "the path");
  }

  /**
   * Percent-decoding to UTF-8 bytes and then strictly to text: a {@code %} without two hex
   * digits, or bytes that are not UTF-8, are errors.
   */
  static String percentDecode(String s, boolean plusIsSpace, String what) throws Unreadable {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw new Unreadable(400, what + " has a bad percent escape at character " + (i + 1)
              + " (% must be followed by two hex digits)");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(b, 0, b.length);
      }
    }
    return utf8(out.toByteArray(), what);
  }
}
