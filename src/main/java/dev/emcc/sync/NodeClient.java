package dev.emcc.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.certs.Fingerprints;
import dev.emcc.certs.PinnedTrustManager;
import dev.emcc.format.Json;
import dev.emcc.wire.BinaryBatch;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import dev.emcc.wire.WirePaths;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The console's side of a node: {@code java.net.http.HttpClient} over HTTP/1.1 and TLS that trusts
 * exactly the pinned certificate. One client keeps its connection for many requests.
 */
public final class NodeClient {
  /** The node's cluster as objects with their revisions. */
  public record RemoteObjects(String clusterId, long revision, SortedMap<ObjectKey, StoredObject> objects) {}

  /**
   * The node's answer to {@code changedSince}: when {@code complete}, {@code objects} are only the
   * objects changed since (with values) and {@code deleted} those deleted since (with the
   * revision that deleted them); otherwise the node could not tell and {@code objects} is
   * everything it holds, each with its value.
   */
  public record RemoteChanges(String clusterId, long revision, boolean complete,
      SortedMap<ObjectKey, StoredObject> objects, Map<ObjectKey, Long> deleted) {}

  /** The node's health answer. */
  public record Health(String status, String clusterId, String version, long revision) {}

  /**
   * One Extension Mobility login on a node ({@code GET} {@value WirePaths#EM_LOGINS}, ours): {@code until}
   * null for an indefinite one; {@code viaEmApi} when Cisco's EM API made it.
   */
  public record EmLogin(String deviceName, String userId, String deviceProfile, java.time.Instant since,
      java.time.Instant until, String previousUser, boolean viaEmApi) {}

  /** The logins on the node now, by device name. */
  public List<EmLogin> emLogins() throws NodeException {
    JsonNode n = json(ok(send("GET", WirePaths.EM_LOGINS, null, Map.of())));
    List<EmLogin> out = new java.util.ArrayList<>();
    for (JsonNode l : n.path("logins")) {
      out.add(new EmLogin(text(l.get("deviceName")), text(l.get("userId")), text(l.get("deviceProfile")),
          java.time.Instant.parse(l.path("since").asText()),
          l.hasNonNull("until") ? java.time.Instant.parse(l.get("until").asText()) : null,
          text(l.get("previousUser")), l.path("viaEmApi").asBoolean()));
    }
    return out;
  }

  /**
   * One change for the batch endpoint: the value (null to delete) and the revision it is based on;
   * {@code compactValue}, when given, is the value already written as compact JSON.
   */
  /** A change of one object: its value as a tree, or as compact JSON, or neither for a deletion. */
  public record ObjectChange(ObjectKey key, long baseRevision, JsonNode value, byte[] compactValue) {
    public ObjectChange(ObjectKey key, long baseRevision, JsonNode value) {
      this(key, baseRevision, value, null);
    }
  }

  /** The node's answer to a batch: the cluster's new revision and each object's. */
  public record BatchResult(long revision, Map<ObjectKey, Long> revisions) {}

  /** A raw answer (status, body, ETag) for callers that need the HTTP details. */
  public record Response(int status, byte[] body, String etag) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final NodeRef node;
  private final HttpClient http;
  private final PinnedTrustManager trust;
  private final Duration timeout;

  public NodeClient(NodeRef node) {
    this(node, Duration.ofMinutes(5));
  }

  public NodeClient(NodeRef node, Duration requestTimeout) {
    this.node = node;
    this.trust = PinnedTrustManager.server(node.fingerprint().replace(":", "")); // the pin's form: hex, no colons
    this.timeout = requestTimeout;
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, new SecureRandom());
      SSLParameters params = ctx.getDefaultSSLParameters();
      params.setEndpointIdentificationAlgorithm(null); // the pin is the identity
      this.http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .sslContext(ctx)
          .sslParameters(params)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this Java runtime", e);
    }
  }

  public NodeRef node() {
    return node;
  }

  public Health health() throws NodeException {
    JsonNode n = json(ok(send("GET", WirePaths.HEALTH, null, Map.of())));
    return new Health(n.path("status").asText(), text(n.get("clusterId")), text(n.get("version")),
        n.path("revision").asLong());
  }

  /** Every object of the node's cluster with its revision (empty when the node holds none). */
  public RemoteObjects objects() throws NodeException {
    return objects(-1);
  }

  /**
   * Every object with its revision; with {@code since >= 0} only objects changed after that
   * revision carry a value (the others have a null value: the caller knows them).
   */
  public RemoteObjects objects(long since) throws NodeException {
    RemoteChanges c = list(WirePaths.OBJECTS + (since >= 0 ? "?since=" + since : ""));
    return new RemoteObjects(c.clusterId(), c.revision(), c.objects());
  }

  /** Only what changed after revision {@code since} (see {@link RemoteChanges}). */
  public RemoteChanges changes(long since) throws NodeException {
    return list(WirePaths.OBJECTS + "?changedSince=" + since);
  }

  private RemoteChanges list(String path) throws NodeException {
    Response r = ok(send("GET", path, null, Map.of()));
    try (JsonParser p = Json.mapper().getFactory().createParser(r.body())) {
      String clusterId = null;
      long revision = 0;
      boolean delta = false;
      SortedMap<ObjectKey, StoredObject> objects = new TreeMap<>();
      Map<ObjectKey, Long> deleted = new LinkedHashMap<>();
      com.fasterxml.jackson.databind.ObjectReader reader = Json.mapper().reader()
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "clusterId" -> clusterId = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
          case "revision" -> revision = p.getLongValue();
          case "changedSince" -> delta = true;
          case "objects" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              JsonNode o = reader.readTree(p);
              objects.put(new ObjectKey(o.get("collection").asText(), o.get("name").asText()),
                  new StoredObject(o.get("value"), o.get("revision").asLong()));
              // o.get("value") is null when the node left it out (unchanged since "since")
            }
          }
          case "deleted" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              JsonNode o = reader.readTree(p);
              deleted.put(new ObjectKey(o.get("collection").asText(), o.get("name").asText()),
                  o.get("revision").asLong());
            }
          }
          default -> p.skipChildren();
        }
      }
      return new RemoteChanges(clusterId, revision, delta, objects, deleted);
    } catch (IOException | RuntimeException e) {
      throw new NodeException(NodeException.Kind.SERVER, r.status(), node.url() + " sent an unreadable object list: "
          + e.getMessage(), null, e);
    }
  }

  /** Sends a batch: all of it is applied in one transaction, or none (412 when a base is stale). */
  public BatchResult applyChanges(String clusterId, List<ObjectChange> changes) throws NodeException {
    BatchBody body = new BatchBody(clusterId, changes);
    return batchResult(ok(exchange("POST", WirePaths.CHANGES, HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofByteArrays(body), body.length()), Map.of("Content-Type", "application/json"))),
        changes.size());
  }

  /**
   * Sends a batch in our binary form ({@link BinaryBatch}, a full push's bulk path), as
   * {@link #applyChanges} sends the JSON one. A node that does not read it answers 415. The answer
   * lists only the objects whose revision is not the batch's ({@link BatchResult#revisions}: the
   * others are at {@link BatchResult#revision}).
   */
  public BatchResult applyBinary(BinaryBatch.Encoded batch, int changes) throws NodeException {
    List<byte[]> pieces = batch.pieces();
    long length = pieces.stream().mapToLong(p -> p.length).sum();
    return batchResult(ok(exchange("POST", WirePaths.CHANGES, HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofByteArrays(pieces), length), Map.of("Content-Type", BinaryBatch.CONTENT_TYPE))),
        changes);
  }

  private BatchResult batchResult(Response r, int changes) throws NodeException {
    // read as a stream: a full push is answered with 50,000 objects' revisions
    try (JsonParser p = Json.mapper().getFactory().createParser(r.body())) {
      long revision = 0;
      Map<ObjectKey, Long> revisions = new LinkedHashMap<>(Math.max(16, changes * 2));
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        if (f.equals("revision")) {
          revision = p.getLongValue();
        } else if (f.equals("objects") && p.currentToken() == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            String collection = null;
            String name = null;
            Long objectRevision = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String g = p.currentName();
              p.nextToken();
              switch (g) {
                case "collection" -> collection = p.getText();
                case "name" -> name = p.getText();
                case "revision" -> objectRevision = p.getLongValue();
                default -> p.skipChildren();
              }
            }
            if (collection == null || name == null || objectRevision == null) {
              throw new IOException("an object without collection, name or revision");
            }
            revisions.put(new ObjectKey(collection, name), objectRevision);
          }
        } else {
          p.skipChildren();
        }
      }
      return new BatchResult(revision, revisions);
    } catch (IOException | RuntimeException e) {
      throw new NodeException(NodeException.Kind.SERVER, r.status(), node.url() + " sent an unreadable answer to a batch: "
          + e.getMessage(), r.text(), e);
    }
  }

  /** The batch endpoint's body in one array (as {@link #applyChanges} sends it, a piece at a time). */
  public static byte[] batchBody(String clusterId, List<ObjectChange> changes) {
    return new BatchBody(clusterId, changes).toByteArray();
  }

  /** One object and its revision, or empty when the node has no such object. */
  public java.util.Optional<StoredObject> object(ObjectKey key) throws NodeException {
    Response r = send("GET", WirePaths.object(key), null, Map.of());
    if (r.status() == 404) {
      return java.util.Optional.empty();
    }
    ok(r);
    long revision = r.etag() == null ? 0 : Long.parseLong(r.etag().replace("\"", ""));
    return java.util.Optional.of(new StoredObject(json(r), revision));
  }

  /**
   * This product's cluster-to-cluster message ({@value WirePaths#INTERCLUSTER}, with the token), the
   * document as the form field {@code xml}.
   */
  public Response intercluster(String xml) throws NodeException {
    byte[] form = ("xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    return send("POST", WirePaths.INTERCLUSTER, form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  /** Posts an EM API document (as the form field {@code xml}) and returns the XML answer. */
  public Response emService(String xml) throws NodeException {
    byte[] form = ("xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    return send("POST", WirePaths.EMSERVICE, form,
        Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  /**
   * One request with the token; the answer whatever its status. Network and trust failures are
   * NodeExceptions (a wrong fingerprint says so plainly).
   */
  public Response send(String method, String path, byte[] body, Map<String, String> headers) throws NodeException {
    return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body), headers);
  }

  private Response exchange(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
      throws NodeException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + node.token())
        .method(method, body);
    headers.forEach(b::header);
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeException(NodeException.Kind.UNREACHABLE, 0, node.url() + ": interrupted", null, e);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private NodeException failure(IOException e) {
    if (trust.mismatch() != null) {
      String presented = Fingerprints.normalize(trust.mismatch());
      return new NodeException(NodeException.Kind.TRUST, 0, "refusing " + node.url() + ": its certificate's SHA-256 "
          + "fingerprint is " + presented + ", not the pinned " + node.fingerprint() + ". If the node was "
          + "reinstalled, check the new fingerprint with its administrator and register it again.", null, e, null,
          presented);
    }
    if (e instanceof SSLHandshakeException) {
      return new NodeException(NodeException.Kind.TRUST, 0, node.url() + ": TLS handshake failed: " + e.getMessage(), null, e);
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return new NodeException(NodeException.Kind.UNREACHABLE, 0, node.url() + ": connection refused", null, e,
          NodeException.Retry.CONNECTION_REFUSED, null);
    }
    if (e instanceof HttpTimeoutException) { // connecting or answering
      String why = e instanceof HttpConnectTimeoutException ? "connection timed out" : "no answer in time";
      return new NodeException(NodeException.Kind.UNREACHABLE, 0, node.url() + ": " + why, null, e,
          NodeException.Retry.TIMEOUT, null);
    }
    // the connection was made and broke, or TLS failed: said plainly, not retried
    return new NodeException(NodeException.Kind.UNREACHABLE, 0, node.url() + ": the connection broke before an "
        + "answer came", null, e);
  }

  private Response ok(Response r) throws NodeException {
    int s = r.status();
    if (s >= 200 && s < 300) {
      return r;
    }
    String error = errorText(r);
    NodeException.Kind kind = s == 401 ? NodeException.Kind.AUTH
        : s == 412 ? NodeException.Kind.STALE
        : s >= 500 ? NodeException.Kind.SERVER
        : NodeException.Kind.REFUSED;
    String message = s == 401 ? node.url() + " refused the API token (401): register the node again with its current token"
        : node.url() + " answered " + s + ": " + error;
    throw new NodeException(kind, s, message, r.text(), null, s >= 500 ? NodeException.Retry.SERVER_ERROR : null, null);
  }

  private static String errorText(Response r) {
    try {
      JsonNode n = Json.mapper().readTree(r.body());
      String e = n.path("error").asText("");
      if (n.has("path")) {
        e += " at " + n.get("path").asText() + " (line " + n.path("line").asInt() + ", column " + n.path("column").asInt() + ")";
      }
      return e.isEmpty() ? r.text() : e;
    } catch (IOException | RuntimeException e) {
      return r.text().length() > 200 ? r.text().substring(0, 200) : r.text();
    }
  }

  private JsonNode json(Response r) throws NodeException {
    try {
      return Json.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new NodeException(NodeException.Kind.SERVER, r.status(), node.url() + " sent unreadable JSON", r.text(), e);
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
