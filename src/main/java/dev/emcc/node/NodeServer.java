package dev.emcc.node;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One cluster node over HTTPS (JDK {@code HttpsServer}): the REST API of the cluster document and
 * the EMService endpoint. Every request is answered and its exchange closed; a refused request
 * changes nothing and the node goes on serving.
 */
public final class NodeServer implements AutoCloseable {
  public static final long DEFAULT_BODY_LIMIT = 64L * 1024 * 1024;
  static final String API = "/api/v1";
  static final String EMSERVICE = "/emservice/EMServiceServlet";

  static {
    // Without it every response waits for Nagle's delayed ACK (~40 ms a request).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private final HttpsServer server;
  private final ExecutorService executor;
  private final ClusterState state;
  private final EmService emService;
  private final byte[] token;
  private final long bodyLimit;
  private final NodeLog log;

  private NodeServer(HttpsServer server, ExecutorService executor, ClusterState state, EmService emService,
      String token, long bodyLimit, NodeLog log) {
    this.server = server;
    this.executor = executor;
    this.state = state;
    this.emService = emService;
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.bodyLimit = bodyLimit;
    this.log = log;
  }

  /** Where the node reports what it does (one line per write); a no-op in tests if wanted. */
  public interface NodeLog {
    void info(String line);

    void error(String line, Throwable cause);
  }

  /** Starts a node on {@code bind:port} (port 0: any free port). */
  public static NodeServer start(NodeIdentity identity, ClusterState state, String bind, int port,
      long bodyLimit, NodeLog log) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(bind, port), 64);
    server.setHttpsConfigurator(new HttpsConfigurator(identity.sslContext()));
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "emcc-node-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ExecutorService executor = Executors.newFixedThreadPool(8, threads);
    server.setExecutor(executor);
    NodeServer node = new NodeServer(server, executor, state, new EmService(state), identity.token(),
        bodyLimit, log);
    server.createContext("/", node::handle);
    server.start();
    return node;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public ClusterState state() {
    return state;
  }

  public EmService emService() {
    return emService;
  }

  /** Stops accepting, lets requests in progress finish for up to a second, then stops. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange ex) {
    try {
      route(ex);
    } catch (HttpProblem p) {
      if (p.status == 405) {
        ex.getResponseHeaders().set("Allow", p.body.path("allow").asText());
      }
      if (p.body.has("closing")) {
        p.body.remove("closing");
        ex.setAttribute("closing", "true");
      }
      respondJson(ex, p.status, p.body, Map.of());
    } catch (DocumentException d) {
      respondJson(ex, 400, badInput(d), Map.of());
    } catch (StaleRevisionException s) {
      respondJson(ex, 412, stale(s), Map.of());
    } catch (ClusterMismatchException m) {
      respondJson(ex, 409, error(m.getMessage()), Map.of());
    } catch (IllegalArgumentException e) {
      respondJson(ex, 400, error(e.getMessage()), Map.of());
    } catch (IOException | UncheckedIOException e) {
      log.error("I/O failure on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
      respondJson(ex, 500, error("the node could not complete the request; nothing was changed"), Map.of());
    } catch (RuntimeException | Error e) {
      log.error("failure on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
      respondJson(ex, 500, error("internal error; nothing was changed"), Map.of());
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex) throws IOException, DocumentException, StaleRevisionException,
      ClusterMismatchException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    if ((API + "/health").equals(path)) {
      allow(method, "GET");
      health(ex);
      return;
    }
    if (EMSERVICE.equals(path)) {
      authorize(ex);
      allow(method, "POST");
      emService(ex);
      return;
    }
    if (!path.startsWith(API + "/")) {
      throw new HttpProblem(404, "no such resource: " + path);
    }
    authorize(ex);
    String[] parts = path.substring(API.length() + 1).split("/", -1);
    if (parts.length == 1 && parts[0].equals("cluster")) {
      allow(method, "GET", "PUT");
      if (method.equals("GET")) {
        getCluster(ex);
      } else {
        putCluster(ex);
      }
    } else if (parts.length == 2 && parts[0].equals("cluster") && parts[1].equals("objects")) {
      allow(method, "GET");
      listObjects(ex);
    } else if (parts.length == 2 && parts[0].equals("cluster") && parts[1].equals("changes")) {
      allow(method, "POST");
      postChanges(ex);
    } else if (parts.length == 3 && parts[0].equals("cluster")) {
      String collection = decode(parts[1]);
      String name = decode(parts[2]);
      if (!ClusterObjects.isCollection(collection) || name.isEmpty()) {
        throw new HttpProblem(404, "no such collection: " + collection);
      }
      ObjectKey key = new ObjectKey(collection, name);
      if (!ClusterObjects.isKnown(key)) {
        throw new HttpProblem(404, "no such setting: " + name);
      }
      allow(method, "GET", "PUT", "DELETE");
      switch (method) {
        case "GET" -> getObject(ex, key);
        case "PUT" -> putObject(ex, key);
        default -> deleteObject(ex, key);
      }
    } else {
      throw new HttpProblem(404, "no such resource: " + path);
    }
  }

  // ---- endpoints ----

  private void health(HttpExchange ex) {
    ObjectNode body = state.read(v -> {
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("status", "ok");
      o.put("clusterId", v.clusterId());
      StoredObject settings = v.objects().get(new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS));
      o.set("version", settings == null ? null : settings.value().get("version"));
      o.put("revision", v.revision());
      return o;
    });
    respondJson(ex, 200, body, Map.of());
  }

  private void getCluster(HttpExchange ex) throws IOException {
    byte[][] out = new byte[1][];
    long revision = state.read(v -> {
      if (v.clusterId() == null) {
        throw new HttpProblem(404, "this node holds no cluster yet");
      }
      out[0] = compact(ClusterObjects.assembleTree(v.clusterId(), ClusterState.valuesOf(v.objects())));
      return v.revision();
    });
    respond(ex, 200, "application/json", out[0], Map.of("ETag", etag(revision)));
  }

  private void putCluster(HttpExchange ex) throws IOException, DocumentException, StaleRevisionException,
      ClusterMismatchException {
    long expected = ifMatch(ex);
    Cluster cluster = WorkspaceFormat.readCluster(body(ex), "request");
    if (cluster.clusterId() == null || cluster.clusterId().isBlank()) {
      throw new DocumentException("request", "$.clusterId", 1, 1, "missing key \"clusterId\"");
    }
    FormLimits.check(cluster, "request");
    SortedMap<ObjectKey, JsonNode> objects = split(cluster);
    ClusterState.Outcome outcome = state.replace(cluster.clusterId(), objects, expected);
    log.info("cluster " + cluster.clusterId() + " replaced: revision " + outcome.revision() + ", "
        + outcome.applied().size() + " object(s) changed");
    respondJson(ex, 200, outcome(outcome), Map.of("ETag", etag(outcome.revision())));
  }

  /**
   * Every object with its revision; with {@code ?since=N} only objects changed after revision N
   * carry their value (a console that synced at N knows the others), so a delta sync of a large
   * cluster does not download it whole. With {@code ?changedSince=N} only the objects changed
   * after N are listed (with values) and the objects deleted after N under {@code deleted}: an
   * answer as large as the change. When the node cannot tell its deletions since N (it restarted
   * after N, or never had N) it answers the full list with every value and no {@code deleted}.
   */
  private void listObjects(HttpExchange ex) throws IOException {
    String query = ex.getRequestURI().getRawQuery();
    String changedSince = query == null ? null : formField(query, "changedSince");
    if (changedSince != null) {
      long since = revisionParameter("changedSince", changedSince);
      ClusterState.Changes changes = state.changesSince(since);
      if (changes.complete()) {
        respond(ex, 200, "application/json", changesBody(since, changes), Map.of("ETag", etag(changes.revision())));
        return;
      }
    }
    long since = changedSince != null ? -1 : sinceParameter(query);
    long[] revision = new long[1];
    byte[] out = state.read(v -> {
      revision[0] = v.revision();
      try {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024 + v.objects().size() * 400);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
          g.writeStartObject();
          g.writeStringField("clusterId", v.clusterId());
          g.writeNumberField("revision", v.revision());
          g.writeArrayFieldStart("objects");
          for (Map.Entry<ObjectKey, StoredObject> e : v.objects().entrySet()) {
            writeObject(g, e.getKey(), e.getValue(), e.getValue().revision() > since);
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        return buf.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    respond(ex, 200, "application/json", out, Map.of("ETag", etag(revision[0])));
  }

  private static byte[] changesBody(long since, ClusterState.Changes changes) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1024 + changes.changed().size() * 400);
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
      g.writeStartObject();
      g.writeStringField("clusterId", changes.clusterId());
      g.writeNumberField("revision", changes.revision());
      g.writeNumberField("changedSince", since);
      g.writeArrayFieldStart("objects");
      for (Map.Entry<ObjectKey, StoredObject> e : changes.changed()) {
        writeObject(g, e.getKey(), e.getValue(), true);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("deleted");
      for (Map.Entry<ObjectKey, Long> d : changes.deleted().entrySet()) {
        g.writeStartObject();
        g.writeStringField("collection", d.getKey().collection());
        g.writeStringField("name", d.getKey().name());
        g.writeNumberField("revision", d.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return buf.toByteArray();
  }

  private static void writeObject(JsonGenerator g, ObjectKey key, StoredObject o, boolean withValue) throws IOException {
    g.writeStartObject();
    g.writeStringField("collection", key.collection());
    g.writeStringField("name", key.name());
    g.writeNumberField("revision", o.revision());
    if (withValue) {
      g.writeFieldName("value");
      g.writeRawValue(COMPACT.writeValueAsString(o.value()));
    }
    g.writeEndObject();
  }

  private void postChanges(HttpExchange ex) throws IOException, DocumentException, StaleRevisionException,
      ClusterMismatchException {
    byte[] body = body(ex);
    BatchReader.Batch batch = BatchReader.read(body);
    log.info("batch for " + batch.clusterId() + ": " + batch.changes().size() + " change(s), applying");
    ClusterState.Outcome outcome = state.apply(batch.clusterId(), batch.changes());
    log.info("batch applied: revision " + outcome.revision());
    respondJson(ex, 200, outcome(outcome), Map.of("ETag", etag(outcome.revision())));
  }

  private void getObject(HttpExchange ex, ObjectKey key) throws IOException {
    StoredObject o = state.get(key).orElseThrow(() -> new HttpProblem(404, "no such object: " + key));
    respond(ex, 200, "application/json", compact(o.value()), Map.of("ETag", etag(o.revision())));
  }

  private void putObject(HttpExchange ex, ObjectKey key) throws IOException, DocumentException,
      StaleRevisionException, ClusterMismatchException {
    long expected = ifMatch(ex);
    JsonNode value = ClusterObjects.read(key, body(ex), "request");
    String clusterId = requireCluster();
    ClusterState.Outcome outcome = state.apply(clusterId, List.of(new ClusterState.Change(key, expected, value)));
    respondJson(ex, expected == 0 ? 201 : 200, outcome(outcome), Map.of("ETag", etag(outcome.revision())));
  }

  private void deleteObject(HttpExchange ex, ObjectKey key) throws IOException, StaleRevisionException,
      ClusterMismatchException {
    long expected = ifMatch(ex);
    if (state.get(key).isEmpty()) {
      throw new HttpProblem(404, "no such object: " + key);
    }
    ClusterState.Outcome outcome = state.apply(requireCluster(), List.of(new ClusterState.Change(key, expected, null)));
    respondJson(ex, 200, outcome(outcome), Map.of());
  }

  private void emService(HttpExchange ex) throws IOException {
    byte[] body = body(ex);
    String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    String xml;
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      xml = formField(new String(body, StandardCharsets.UTF_8), "xml");
      if (xml == null) {
        respond(ex, 400, "text/xml; charset=utf-8",
            EmXml.failure(EmService.PARSE_ERROR, "the form has no field \"xml\"").getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
    } else {
      xml = new String(body, StandardCharsets.UTF_8);
    }
    EmService.Answer answer = emService.handle(xml);
    respond(ex, answer.httpStatus(), "text/xml; charset=utf-8", answer.xml().getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  // ---- helpers ----

  private static long sinceParameter(String query) {
    if (query == null || query.isEmpty()) {
      return -1;
    }
    String v = formField(query, "since");
    if (v == null) {
      throw new HttpProblem(400, "unknown query: " + query + " (only since=REVISION or changedSince=REVISION)");
    }
    return revisionParameter("since", v);
  }

  private static long revisionParameter(String name, String v) {
    try {
      long since = Long.parseLong(v);
      if (since >= 0) {
        return since;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new HttpProblem(400, name + " must be a revision (0 or more), not " + v);
  }

  private String requireCluster() {
    String id = state.clusterId();
    if (id == null) {
      throw new HttpProblem(404, "this node holds no cluster yet: PUT /api/v1/cluster first");
    }
    return id;
  }

  private static SortedMap<ObjectKey, JsonNode> split(Cluster cluster) throws DocumentException {
    try {
      return ClusterObjects.split(cluster);
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      int colon = msg.indexOf(": ");
      throw new DocumentException("request", colon > 0 ? msg.substring(0, colon) : "$", 0, 0,
          colon > 0 ? msg.substring(colon + 2) : msg);
    }
  }

  private void authorize(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring(7).trim().getBytes(StandardCharsets.US_ASCII) : new byte[0];
    // constant-time: the time taken does not tell how much of the token was right
    if (!MessageDigest.isEqual(given, token)) {
      throw new HttpProblem(401, "missing or wrong API token (Authorization: Bearer TOKEN)");
    }
  }

  private static void allow(String method, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    ObjectNode body = error("method " + method + " is not allowed here");
    body.put("allow", String.join(", ", allowed));
    throw new HttpProblem(405, body);
  }

  /** The If-Match revision: required for writes; "0" means the object must not exist yet. */
  private static long ifMatch(HttpExchange ex) {
    String v = ex.getRequestHeaders().getFirst("If-Match");
    if (v == null) {
      throw new HttpProblem(428, "If-Match is required: the revision (ETag) the change is based on, \"0\" for a new object");
    }
    String s = v.trim();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    try {
      long r = Long.parseLong(s);
      if (r >= 0) {
        return r;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new HttpProblem(400, "If-Match must be a revision such as \"12\", not " + v);
  }

  /** Reads the body through a bounded stream: past the limit the request is refused with 413. */
  private byte[] body(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new HttpProblem(400, "bad Content-Length");
      }
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream(
        declared < 0 ? 8192 : (int) Math.min(Math.max(declared, 0), Math.min(bodyLimit, 64L << 20)));
    byte[] chunk = new byte[65536];
    long total = 0;
    InputStream in = ex.getRequestBody();
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > bodyLimit) {
        throw tooLarge(in, chunk);
      }
      buf.write(chunk, 0, n);
    }
    return buf.toByteArray();
  }

  /** Bytes of an over-limit body still read (and dropped) so the client can read the 413. */
  private static final long DRAIN_CAP = 16L * 1024 * 1024;

  /** Reads what is left of a request body, up to a bound; false when more was left. */
  private static boolean drain(InputStream in) {
    byte[] chunk = new byte[16384];
    long drained = 0;
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        drained += n;
        if (drained > DRAIN_CAP) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpProblem tooLarge(InputStream in, byte[] chunk) {
    ObjectNode body = error("the request body is larger than this node's limit of " + bodyLimit + " bytes");
    long drained = 0;
    try {
      int n;
      while (drained < DRAIN_CAP && (n = in.read(chunk)) > 0) {
        drained += n;
      }
      if (drained >= DRAIN_CAP) {
        body.put("closing", true); // too much to drain: the connection is closed after the answer
      }
    } catch (IOException e) {
      body.put("closing", true);
    }
    return new HttpProblem(413, body);
  }

  static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (k.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String etag(long revision) {
    return "\"" + revision + "\"";
  }

  static ObjectNode error(String message) {
    return Json.mapper().createObjectNode().put("error", message);
  }

  private static ObjectNode badInput(DocumentException d) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("error", d.problem());
    o.put("path", d.path());
    o.put("line", d.line());
    o.put("column", d.column());
    return o;
  }

  private static ObjectNode stale(StaleRevisionException s) {
    ObjectNode o = error(s.getMessage());
    o.put("revision", s.currentRevision());
    ArrayNode conflicts = o.putArray("conflicts");
    for (StaleRevisionException.Conflict c : s.conflicts()) {
      conflicts.addObject().put("collection", c.key().collection()).put("name", c.key().name())
          .put("baseRevision", c.expected()).put("revision", c.actual());
    }
    return o;
  }

  private static ObjectNode outcome(ClusterState.Outcome outcome) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("revision", outcome.revision());
    ArrayNode objects = o.putArray("objects");
    for (ClusterState.Applied a : outcome.applied()) {
      ObjectNode n = objects.addObject().put("collection", a.key().collection()).put("name", a.key().name())
          .put("revision", a.revision());
      if (a.deleted()) {
        n.put("deleted", true);
      }
    }
    return o;
  }

  private static byte[] compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void respondJson(HttpExchange ex, int status, JsonNode body, Map<String, String> headers) {
    respond(ex, status, "application/json", compact(body), headers);
  }

  private void respond(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers) {
    try {
      // a request refused before its body was read: read the rest now, or the connection the
      // client reuses would be closed under it
      if (!drain(ex.getRequestBody())) {
        ex.setAttribute("closing", "true");
      }
      ex.getResponseHeaders().set("Content-Type", type);
      headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      if ("true".equals(String.valueOf(ex.getAttribute("closing")))) {
        ex.getResponseHeaders().set("Connection", "close");
      }
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      // the client went away; nothing to tell it
    } catch (IllegalStateException e) {
      // headers already sent (a failure after the answer started): the exchange is closed below
    }
  }
}
