package dev.emcc.node;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.wire.BinaryBatch;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.RawJson;
import dev.emcc.wire.StoredObject;
import dev.emcc.wire.WirePaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One cluster node: the routes and endpoints of the REST API of the cluster document
 * ({@value WirePaths#API}), of Cisco's Extension Mobility API ({@value WirePaths#EMSERVICE}, {@link EmApi}) and of
 * this product's cluster-to-cluster messages ({@value WirePaths#INTERCLUSTER}, {@link Intercluster}). The HTTP layer ({@link NodeHttp})
 * carries the requests and bounds slow clients, {@link RequestReader} reads them strictly, and
 * {@link ErrorAnswers} words every refusal in the endpoint's language. Every request is answered;
 * a refused request changes nothing and the node goes on serving.
 */
public final class NodeServer implements AutoCloseable {
  public static final long DEFAULT_BODY_LIMIT = ServerLimits.DEFAULT_BODY_LIMIT;

  private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
  private static final ErrorAnswers.Dialect JSON = ErrorAnswers.Dialect.JSON;
  private static final ErrorAnswers.Dialect EM = ErrorAnswers.Dialect.EM_XML;

  private final ClusterState state;
  private final EmService emService;
  private final ApplicationUserCheck applicationUsers;
  private final EmApi emApi;
  private final Intercluster intercluster;
  /** EM API requests in progress, from their head to their answer (the Maximum Concurrent Requests). */
  private final AtomicInteger emApiInFlight = new AtomicInteger();
  private final byte[] token;
  private final NodeLog log;
  private final AxlEndpoint axl;
  private final AxlService axlService;
  private NodeHttp http;

  private NodeServer(ClusterState state, EmService emService, String token, NodeLog log) {
    this.state = state;
    this.emService = emService;
    this.applicationUsers = new ApplicationUserCheck(state);
    this.emApi = new EmApi(emService, applicationUsers);
    this.intercluster = new Intercluster(emService);
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.log = log;
    this.axlService = new AxlService(state, emService, AxlService.DEFAULT_MAX_LIST_BYTES);
    this.axl = new AxlEndpoint(axlService, AxlAccounts.of(applicationUsers), log);
  }

  /**
   * How many AXL writes a second the node takes (0: no limit; beyond it 503, as CUCM's throttle).
   * Who may use AXL is the cluster's application users with the AXL role ({@link AxlAccounts#of}).
   */
  public NodeServer axlWritesPerSecond(double writesPerSecond) {
    axl.writesPerSecond(writesPerSecond);
    return this;
  }

  /** Who of the AXL users may send executeSQLQuery (CUCM gives it a role of its own); by default all. */
  public NodeServer axlSqlUsers(java.util.function.Predicate<String> mayQuery) {
    axl.sqlUsers(mayQuery);
    return this;
  }

  /** The AXL operations over this node's store (its list size limit can be lowered). */
  public AxlService axlService() {
    return axlService;
  }

  /** Where the node reports what it does (one line per write); a no-op in tests if wanted. */
  public interface NodeLog {
    void info(String line);

    void error(String line, Throwable cause);
  }

  /** Loads the HTTP server's classes in the background while a node gets ready to start it. */
  static void preload() {
    NodeHttp.preload();
  }

  /** Starts a node on {@code bind:port} (port 0: any free port), HTTPS only, default limits. */
  public static NodeServer start(NodeIdentity identity, ClusterState state, String bind, int port,
      long bodyLimit, NodeLog log) throws IOException {
    return start(identity, state, Listeners.https(bind, port), ServerLimits.DEFAULTS.withBodyLimit(bodyLimit), log);
  }

  public static NodeServer start(NodeIdentity identity, ClusterState state, Listeners where, ServerLimits limits,
      NodeLog log) throws IOException {
    return start(identity, state, where, limits, log, Clock.systemUTC());
  }

  /** A node whose time-bound rules (PIN lockouts) run on {@code clock}. */
  public static NodeServer start(NodeIdentity identity, ClusterState state, Listeners where, ServerLimits limits,
      NodeLog log, Clock clock) throws IOException {
    NodeServer node = new NodeServer(state, new EmService(state, clock), identity.token(), log);
    node.http = NodeHttp.start(identity.sslContext(), where, limits, node.new Routes());
    return node;
  }

  public int port() {
    return http.httpsPort();
  }

  /** The plain HTTP port, or -1 when the node has none. */
  public int httpPort() {
    return http.httpPort();
  }

  public ClusterState state() {
    return state;
  }

  public EmService emService() {
    return emService;
  }

  /** The application users of the node's cluster, for the APIs that programs sign in to. */
  public ApplicationUserCheck applicationUsers() {
    return applicationUsers;
  }

  /** Stops accepting, lets requests in progress finish for up to a second, then stops. */
  @Override
  public void close() {
    http.close();
  }

  /** An endpoint's work: it answers, or throws what {@link #guarded} turns into an answer. */
  private interface Endpoint {
    Reply run(Exchange ex) throws Exception;
  }

  private final class Routes implements NodeHttp.Routes {
    @Override
    public ErrorAnswers.Dialect dialect(String rawPath) {
      if (WirePaths.AXL.equals(rawPath) || "/axl".equals(rawPath)) {
        return ErrorAnswers.Dialect.SOAP;
      }
      return WirePaths.EMSERVICE.equals(rawPath) || WirePaths.INTERCLUSTER.equals(rawPath) ? EM : JSON;
    }

    @Override
    public NodeHttp.Route route(Exchange ex) {
      ErrorAnswers.Dialect dialect = dialect(ex.path());
      try {
        return resolve(ex);
      } catch (HttpProblem p) {
        return NodeHttp.Route.answer(dialect, problem(dialect, p));
      } catch (Unreadable u) {
        return NodeHttp.Route.answer(dialect, ErrorAnswers.unreadable(dialect, u));
      } catch (RuntimeException | Error e) {
        log.error("failure on " + ex.method() + " " + ex.path(), e);
        return NodeHttp.Route.answer(dialect, ErrorAnswers.internal(dialect));
      }
    }
  }

  private NodeHttp.Route resolve(Exchange ex) throws Unreadable {
    String path = ex.path();
    String method = ex.method();
    if (WirePaths.EMSERVICE.equals(path)) {
      // the EM API authenticates inside the XML (<appInfo>), as CUCM does: no API token here
      allow(method, "POST");
      return emApiRoute();
    }
    if (WirePaths.INTERCLUSTER.equals(path)) {
      if (!ex.secure()) {
        throw new HttpProblem(403, "cluster-to-cluster messages are served over HTTPS only");
      }
      authorize(ex);
      allow(method, "POST");
      return body(EM, this::intercluster);
    }
    if (WirePaths.AXL.equals(path) || "/axl".equals(path)) {
      allow(method, "GET", "POST");
      if (!ex.secure()) {
        throw new HttpProblem(403, "AXL is served over HTTPS only");
      }
      ErrorAnswers.Dialect soap = ErrorAnswers.Dialect.SOAP;
      return method.equals("GET") ? new NodeHttp.Route(soap, false, axl::get)
          : new NodeHttp.Route(soap, true, axl::post);
    }
    if (!path.startsWith(WirePaths.API + "/")) {
      throw new HttpProblem(404, "no such resource: " + path);
    }
    if (!ex.secure()) {
      throw new HttpProblem(403, "the REST API is served over HTTPS only");
    }
    if (WirePaths.HEALTH.equals(path)) {
      allow(method, "GET");
      return get(JSON, this::health);
    }
    authorize(ex);
    if (WirePaths.EM_LOGINS.equals(path)) {
      allow(method, "GET");
      return get(JSON, this::emLogins);
    }
    String[] parts = path.substring(WirePaths.API.length() + 1).split("/", -1);
    if (parts.length == 1 && parts[0].equals("cluster")) {
      allow(method, "GET", "PUT");
      return method.equals("GET") ? get(JSON, this::getCluster) : body(JSON, this::putCluster);
    } else if (parts.length == 2 && parts[0].equals("cluster") && parts[1].equals("objects")) {
      allow(method, "GET");
      return get(JSON, this::listObjects);
    } else if (parts.length == 2 && parts[0].equals("cluster") && parts[1].equals("changes")) {
      allow(method, "POST");
      return body(JSON, this::postChanges);
    } else if (parts.length == 3 && parts[0].equals("cluster")) {
      String collection = RequestReader.pathSegment(parts[1]);
      String name = RequestReader.pathSegment(parts[2]);
      if (!ClusterObjects.isCollection(collection) || name.isEmpty()) {
        throw new HttpProblem(404, "no such collection: " + collection);
      }
      ObjectKey key = new ObjectKey(collection, name);
      if (!ClusterObjects.isKnown(key)) {
        throw new HttpProblem(404, "no such setting: " + name);
      }
      allow(method, "GET", "PUT", "DELETE");
      return switch (method) {
        case "GET" -> get(JSON, e -> getObject(key));
        case "PUT" -> body(JSON, e -> putObject(e, key));
        default -> get(JSON, e -> deleteObject(e, key));
      };
    }
    throw new HttpProblem(404, "no such resource: " + path);
  }

  private NodeHttp.Route get(ErrorAnswers.Dialect dialect, Endpoint endpoint) {
    return new NodeHttp.Route(dialect, false, ex -> guarded(dialect, ex, endpoint));
  }

  private NodeHttp.Route body(ErrorAnswers.Dialect dialect, Endpoint endpoint) {
    return new NodeHttp.Route(dialect, true, ex -> guarded(dialect, ex, endpoint));
  }

  /** Runs an endpoint; every failure becomes an answer in the endpoint's language. */
  private Reply guarded(ErrorAnswers.Dialect dialect, Exchange ex, Endpoint endpoint) {
    try {
      return endpoint.run(ex);
    } catch (HttpProblem p) {
      return problem(dialect, p);
    } catch (Unreadable u) {
      return ErrorAnswers.unreadable(dialect, u);
    } catch (DocumentException d) {
      return ErrorAnswers.json(400, badInput(d), Map.of());
    } catch (StaleRevisionException s) {
      return ErrorAnswers.json(412, stale(s), Map.of());
    } catch (ClusterMismatchException m) {
      return ErrorAnswers.error(dialect, 409, m.getMessage());
    } catch (IllegalArgumentException e) {
      return ErrorAnswers.error(dialect, 400, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      log.error("I/O failure on " + ex.method() + " " + ex.path(), e);
      return ErrorAnswers.error(dialect, 500, "the node could not complete the request; nothing was changed");
    } catch (Exception | Error e) {
      log.error("failure on " + ex.method() + " " + ex.path(), e);
      return ErrorAnswers.internal(dialect);
    }
  }

  private static Reply problem(ErrorAnswers.Dialect dialect, HttpProblem p) {
    Map<String, String> headers = p.status == 405 ? Map.of("Allow", p.body.path("allow").asText()) : Map.of();
    if (dialect == JSON) {
      return ErrorAnswers.json(p.status, p.body, headers);
    }
    Reply r = ErrorAnswers.error(dialect, p.status, p.getMessage());
    return new Reply(r.status(), r.contentType(), r.body(), headers);
  }

  // ---- endpoints ----

  private Reply health(Exchange ex) {
    ObjectNode body = state.read(v -> {
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("status", "ok");
      o.put("clusterId", v.clusterId());
      StoredObject settings = v.objects().get(new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS));
      o.set("version", settings == null ? null : settings.value().get("version"));
      o.put("revision", v.revision());
      return o;
    });
    return ErrorAnswers.json(200, body, Map.of());
  }

  /**
   * Who is logged in where and until when (ours, not CUCM's): every Extension Mobility login on
   * the node, whoever made it, for the trainer's view.
   */
  private Reply emLogins(Exchange ex) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("clusterId", state.clusterId());
    body.put("now", emService.clock().instant().toString());
    ArrayNode logins = body.putArray("logins");
    for (EmService.Session s : emService.sessions()) {
      ObjectNode o = logins.addObject();
      o.put("deviceName", s.deviceName());
      o.put("userId", s.userId());
      o.put("deviceProfile", s.deviceProfile());
      o.put("since", s.since().toString());
      o.put("until", s.until() == null ? null : s.until().toString());
      o.put("previousUser", s.previousUser());
      o.put("viaEmApi", s.viaEmApi());
    }
    return ErrorAnswers.json(200, body, Map.of());
  }

  private Reply getCluster(Exchange ex) {
    byte[][] out = new byte[1][];
    long revision = state.read(v -> {
      if (v.clusterId() == null) {
        throw new HttpProblem(404, "this node holds no cluster yet");
      }
      out[0] = compact(ClusterObjects.assembleTree(v.clusterId(), ClusterState.valuesOf(v.objects())));
      return v.revision();
    });
    return jsonBytes(200, out[0], Map.of("ETag", etag(revision)));
  }

  private Reply putCluster(Exchange ex) throws IOException, DocumentException, StaleRevisionException,
      ClusterMismatchException, Unreadable {
    long expected = ifMatch(ex);
    Cluster cluster = WorkspaceFormat.readCluster(json(ex), "request");
    if (cluster.clusterId() == null || cluster.clusterId().isBlank()) {
      throw new DocumentException("request", "$.clusterId", 1, 1, "missing key \"clusterId\"");
    }
    FormLimits.check(cluster, "request");
    SortedMap<ObjectKey, JsonNode> objects = split(cluster);
    ClusterState.Outcome outcome = state.replace(cluster.clusterId(), objects, expected);
    log.info("cluster " + cluster.clusterId() + " replaced: revision " + outcome.revision() + ", "
        + outcome.applied().size() + " object(s) changed");
    return outcome(200, outcome, Map.of("ETag", etag(outcome.revision())));
  }

  /**
   * Every object with its revision; with {@code ?since=N} only objects changed after revision N
   * carry their value (a console that synced at N knows the others), so a delta sync of a large
   * cluster does not download it whole. With {@code ?changedSince=N} only the objects changed
   * after N are listed (with values) and the objects deleted after N under {@code deleted}: an
   * answer as large as the change. When the node cannot tell its deletions since N (it restarted
   * after N, or never had N) it answers the full list with every value and no {@code deleted}.
   */
  private Reply listObjects(Exchange ex) throws IOException, Unreadable {
    String query = ex.query();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        String key = RequestReader.percentDecode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair,
            true, "the query");
        if (!key.equals("since") && !key.equals("changedSince")) {
          throw new HttpProblem(400, "unknown query parameter \"" + key + "\" (only since=REVISION or changedSince=REVISION)");
        }
      }
    }
    String changedSince = query == null ? null : RequestReader.formField(query, "changedSince");
    if (changedSince != null) {
      long since = revisionParameter("changedSince", changedSince);
      ClusterState.Changes changes = state.changesSince(since);
      if (changes.complete()) {
        return jsonBytes(200, changesBody(since, changes), Map.of("ETag", etag(changes.revision())));
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
    return jsonBytes(200, out, Map.of("ETag", etag(revision[0])));
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
      g.writeRawValue(new RawJson(o.compact()));
    }
    g.writeEndObject();
  }

  private Reply postChanges(Exchange ex) throws IOException, DocumentException, StaleRevisionException,
      ClusterMismatchException, Unreadable {
    String type = ex.header("Content-Type");
    // our binary batch (a full push's bulk path, docs/nodes.md); JSON for everyone else
    boolean binary = type != null && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith(BinaryBatch.CONTENT_TYPE);
    BatchReader.Batch batch = binary ? BinaryBatchReader.read(ex.body()) : BatchReader.read(json(ex));
    log.info("batch for " + batch.clusterId() + ": " + batch.changes().size() + " change(s), applying");
    ClusterState.Outcome outcome = state.apply(batch.clusterId(), batch.changes());
    log.info("batch applied: revision " + outcome.revision());
    return outcome(200, outcome, Map.of("ETag", etag(outcome.revision())), binary);
  }

  private Reply getObject(ObjectKey key) {
    StoredObject o = state.get(key).orElseThrow(() -> new HttpProblem(404, "no such object: " + key));
    return jsonBytes(200, o.compact(), Map.of("ETag", etag(o.revision())));
  }

  private Reply putObject(Exchange ex, ObjectKey key) throws IOException, DocumentException,
      StaleRevisionException, ClusterMismatchException, Unreadable {
    long expected = ifMatch(ex);
    JsonNode value = ObjectReader.read(key, json(ex), "request");
    String clusterId = requireCluster();
    ClusterState.Outcome outcome = state.apply(clusterId, List.of(new ClusterState.Change(key, expected, value)));
    return outcome(expected == 0 ? 201 : 200, outcome, Map.of("ETag", etag(outcome.revision())));
  }

  private Reply deleteObject(Exchange ex, ObjectKey key) throws IOException, StaleRevisionException,
      ClusterMismatchException {
    long expected = ifMatch(ex);
    if (state.get(key).isEmpty()) {
      throw new HttpProblem(404, "no such object: " + key);
    }
    ClusterState.Outcome outcome = state.apply(requireCluster(), List.of(new ClusterState.Change(key, expected, null)));
    return outcome(200, outcome, Map.of());
  }

  /**
   * An EM API request, counted from its head to its answer: beyond the service parameter Maximum
   * Concurrent Requests it is answered at once with 26 (busy), as CUCM's EMService does.
   */
  private NodeHttp.Route emApiRoute() {
    int max = emService.parameters().maximumConcurrentRequests();
    if (emApiInFlight.incrementAndGet() > max) {
      emApiInFlight.decrementAndGet();
      return NodeHttp.Route.answer(EM, emReply(EmService.Answer.fail(EmService.BUSY, "Busy, please try again: "
          + max + " requests are in progress (Maximum Concurrent Requests)")));
    }
    return new NodeHttp.Route(EM, true, ex -> guarded(EM, ex, this::emApi), emApiInFlight::decrementAndGet);
  }

  /**
   * The EM API: the XML as the form field {@code xml} or as the raw body, UTF-8 strictly. Whatever the XML holds, the answer is HTTP 200 with the
   * code in the body; a form without the field is an EM API parse error (1) too.
   */
  private Reply emApi(Exchange ex) throws Unreadable {
    String xml;
    try {
      String contentType = String.valueOf(ex.header("Content-Type"));
      String body = RequestReader.utf8(ex.body(), "the request");
      if (contentType.startsWith("application/x-www-form-urlencoded")
          || (!contentType.contains("xml") && body.startsWith("xml="))) {
        xml = RequestReader.formField(body, "xml");
        if (xml == null) {
          return emReply(EmService.Answer.fail(EmService.PARSE_ERROR, "the form has no field \"xml\""));
        }
      } else {
        xml = body;
      }
    } catch (Unreadable u) {
      if (u.close()) {
        throw u;
      }
      return emReply(EmService.Answer.fail(EmService.PARSE_ERROR, u.getMessage()));
    }
    String via = ex.header("Via");
    return emReply(emApi.handle(xml, new EmApi.Caller(ex.remote(), via != null && !via.isBlank())));
  }

  /** Our own cluster-to-cluster messages, raw XML or the form field {@code xml}. */
  private Reply intercluster(Exchange ex) throws Unreadable {
    String contentType = String.valueOf(ex.header("Content-Type"));
    String xml;
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      xml = RequestReader.formField(RequestReader.utf8(ex.body(), "the form"), "xml");
      if (xml == null) {
        throw new Unreadable(400, "the form has no field \"xml\"");
      }
    } else {
      xml = RequestReader.utf8(ex.body(), "the XML request");
    }
    return emReply(intercluster.handle(xml));
  }

  private static Reply emReply(EmService.Answer answer) {
    return new Reply(answer.httpStatus(), ErrorAnswers.XML_TYPE, answer.xml().getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  // ---- helpers ----

  /** The body as JSON bytes, checked first for UTF-8 and depth. */
  private static byte[] json(Exchange ex) throws Unreadable {
    RequestReader.checkJson(ex.body());
    return ex.body();
  }

  private static long sinceParameter(String query) throws Unreadable {
    if (query == null || query.isEmpty()) {
      return -1;
    }
    String v = RequestReader.formField(query, "since");
    if (v == null) {
      throw new HttpProblem(400, "unknown query: " + query + " (only since=REVISION or changedSince=REVISION)");
    }
    return revisionParameter("since", v);
  }

  private static long revisionParameter(String name, String v) {
    long r = revision(v);
    if (r < 0) {
      throw new HttpProblem(400, name + " must be a revision (0 or more), not " + v);
    }
    return r;
  }

  /** A revision written in ASCII digits, or -1 (not a number, or beyond a long). */
  private static long revision(String s) {
    if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1; // 19 digits beyond Long.MAX_VALUE
    }
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

  private void authorize(Exchange ex) {
    String header = ex.header("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring(7).trim().getBytes(StandardCharsets.US_ASCII) : new byte[0];
    // constant-time: the time taken does not tell how much of the token was right
    if (!MessageDigest.isEqual(given, token)) {
      log.info("refused " + ex.method() + " " + ex.path() + " from " + ex.remote() + ": "
          + (given.length == 0 ? "no" : "a wrong") + " API token");
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
  private static long ifMatch(Exchange ex) {
    String v = ex.header("If-Match");
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
    long r = revision(s);
    if (r >= 0) {
      return r;
    }
    throw new HttpProblem(400, "If-Match must be a revision such as \"12\", not " + v);
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

  /** The outcome of a write as JSON, written as a stream: a full push is answered with 50,000 objects. */
  private static Reply outcome(int status, ClusterState.Outcome outcome, Map<String, String> headers) {
    return outcome(status, outcome, headers, false);
  }

  /**
   * The answer to a write: the new revision and each object's. {@code onlyOthers} (the answer to
   * our binary batch): only the objects whose revision is not the new one, or that were deleted; a
   * full push's 50,000 new objects are then not listed one by one.
   */
  private static Reply outcome(int status, ClusterState.Outcome outcome, Map<String, String> headers,
      boolean onlyOthers) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(64 + outcome.applied().size() * 64);
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
      g.writeStartObject();
      g.writeNumberField("revision", outcome.revision());
      g.writeArrayFieldStart("objects");
      for (ClusterState.Applied a : outcome.applied()) {
        if (onlyOthers && !a.deleted() && a.revision() == outcome.revision()) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("collection", a.key().collection());
        g.writeStringField("name", a.key().name());
        g.writeNumberField("revision", a.revision());
        if (a.deleted()) {
          g.writeBooleanField("deleted", true);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return jsonBytes(status, buf.toByteArray(), headers);
  }

  private static byte[] compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reply jsonBytes(int status, byte[] body, Map<String, String> headers) {
    return new Reply(status, ErrorAnswers.JSON_TYPE, body, headers);
  }
}
