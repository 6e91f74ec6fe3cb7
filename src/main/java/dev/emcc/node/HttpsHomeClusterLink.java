package dev.emcc.node;

import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.certs.PinnedTrustManager;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.RemoteCluster;
import dev.emcc.sim.EmccError;
import dev.emcc.sim.HomeClusterLink;
import dev.emcc.sim.SimulatorSession;
import dev.emcc.sim.Wire;
import dev.emcc.wire.WirePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.w3c.dom.Element;

/**
 * The visiting EMService's calls to another cluster as real HTTPS requests to that cluster's node
 * ({@link LiveNetwork}). The visiting node presents its own Tomcat certificate and trusts only
 * certificates whose fingerprints are in the visiting cluster's tomcat-trust, so a missing
 * certificate exchange fails the TLS handshake (208), as on Unified CM. Failures carry the same
 * codes and message keys as the in-process link: WAN down or Extension Mobility not active 208,
 * no node of that name 40, another cluster answering 42.
 */
public final class HttpsHomeClusterLink implements HomeClusterLink {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 30_000;

  private final LiveNetwork network;
  private final SimulatorSession session;
  /** Per visiting cluster: the socket factory for the trust stores as they are now. */
  private final Map<String, Factory> factories = new HashMap<>();

  HttpsHomeClusterLink(LiveNetwork network, SimulatorSession session) {
    this.network = network;
    this.session = session;
  }

  @Override
  public LinkReply<Wire.UserQueryAnswer> queryUser(Origin from, RemoteCluster entry, Wire.UserQuery query) {
    return call(from, entry, "query", WireXml.write("emccUserQuery", query),
        e -> WireXml.read(EmXml.child(e, "userQueryAnswer"), Wire.UserQueryAnswer.class));
  }

  @Override
  public LinkReply<Wire.HomeLoginAnswer> login(Origin from, RemoteCluster entry, Wire.HomeLoginRequest request) {
    return call(from, entry, "request", WireXml.write("emccHomeLogin", request),
        e -> WireXml.read(EmXml.child(e, "homeLoginAnswer"), Wire.HomeLoginAnswer.class));
  }

  @Override
  public LinkReply<Boolean> logout(Origin from, RemoteCluster entry, Wire.HomeLogoutRequest request) {
    return call(from, entry, "request", WireXml.write("emccHomeLogout", request),
        e -> Boolean.parseBoolean(EmXml.text(e, "loggedOut")));
  }

  @Override
  public LinkReply<String> remoteUpdate(Origin from, RemoteCluster entry) {
    return call(from, entry, "query", "<emccRemoteUpdate/>", e -> e.getAttribute("clusterId"));
  }

  private interface Reader<T> {
    T read(Element response) throws IOException;
  }

  private <T> LinkReply<T> call(Origin from, RemoteCluster entry, String kind, String op, Reader<T> reader) {
    String fqn = entry.fullyQualifiedName();
    boolean wan = session.wanUp();
    LiveNetwork.Target target = wan ? network.resolve(from.clusterId(), fqn) : null;
    if (wan && target == null) {
      // the name does not resolve to any node: nobody answers at that address
      return LinkReply.failed(EmccError.service(40), "link.noHost", String.valueOf(fqn), entry.clusterId());
    }
    String body = "<" + kind + " toClusterId=\"" + EmXml.escape(entry.clusterId()) + "\">" + op + "</" + kind + ">";
    HttpsURLConnection conn = null;
    try {
      int port = wan ? network.port(target.cluster(), target.node()) : network.closedPort();
      URL url = new URL("https", "127.0.0.1", port, WirePaths.INTERCLUSTER);
      conn = (HttpsURLConnection) url.openConnection();
      conn.setSSLSocketFactory(factory(from));
      // trust is the fingerprint pin of the trust manager; the certificate names the node, not 127.0.0.1
      conn.setHostnameVerifier((host, ssl) -> true);
      conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
      conn.setReadTimeout(READ_TIMEOUT_MS);
      conn.setRequestMethod("POST");
      conn.setDoOutput(true);
      conn.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
      byte[] out = body.getBytes(StandardCharsets.UTF_8);
      conn.setFixedLengthStreamingMode(out.length);
      synchronized (network.lock()) {
        // publishes what the visiting side changed to the node threads (happens-before)
      }
      try (OutputStream o = conn.getOutputStream()) {
        o.write(out);
      }
      int status = conn.getResponseCode();
      if (status == HttpURLConnection.HTTP_UNAVAILABLE) {
        drain(conn.getErrorStream());
        return LinkReply.failed(EmccError.app(208), "link.emDown", target.node().name(), target.cluster().clusterId());
      }
      byte[] in;
      try (InputStream i = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
        in = i == null ? new byte[0] : i.readAllBytes();
      }
      synchronized (network.lock()) {
        // sees what the node threads changed
      }
      Element root = EmXml.parse(new String(in, StandardCharsets.UTF_8));
      if (status != 200 || !root.getTagName().equals("response") || !root.hasAttribute("clusterId")) {
        return LinkReply.failed(EmccError.service(1), "link.badAnswer", target.cluster().clusterId(), status);
      }
      String answered = root.getAttribute("clusterId");
      if (!answered.equalsIgnoreCase(entry.clusterId())) {
        return LinkReply.failed(EmccError.service(42), "link.clusterIdMismatch", entry.clusterId(), fqn, answered);
      }
      return LinkReply.ok(reader.read(root));
    } catch (ConnectException e) {
      return wan
          ? LinkReply.failed(EmccError.app(208), "link.emDown", target.node().name(), target.cluster().clusterId())
          : LinkReply.failed(EmccError.app(208), "link.wanDown", from.clusterId(), entry.clusterId());
    } catch (IOException e) {
      if (conn != null) {
        conn.disconnect();
      }
      if (!wan) {
        return LinkReply.failed(EmccError.app(208), "link.wanDown", from.clusterId(), entry.clusterId());
      }
      if (causedBy(e, PinnedTrustManager.Untrusted.class)) {
        // our own trust manager refused the home node's certificate
        return LinkReply.failed(EmccError.app(208), "link.sourceDistrusts", from.clusterId(), target.node().name());
      }
      // the handshake or the exchange failed on the home's side: it refused our certificate
      return LinkReply.failed(EmccError.app(208), "link.targetDistrusts", target.cluster().clusterId(),
          String.valueOf(from.node()));
    }
  }

  private static void drain(InputStream in) throws IOException {
    if (in != null) {
      try (in) {
        in.readAllBytes();
      }
    }
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      for (Throwable s : c.getSuppressed()) {
        if (type.isInstance(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The TLS client of a visiting node: its Tomcat certificate, its cluster's tomcat-trust. A new
   * factory whenever any cluster's tomcat-trust changed: the JDK keeps HTTPS connections alive per
   * socket factory, and a kept connection is never handshaken again, so a certificate removed from
   * a trust store between two logins would still be trusted on the old connection.
   */
  private SSLSocketFactory factory(Origin from) {
    Cluster cluster = LiveNetwork.cluster(session.workspace(), from.clusterId());
    Node node = cluster == null || from.node() == null ? null : cluster.node(from.node()).orElse(null);
    NodeKeyMaterial key = node == null ? null : network.presented(cluster, node);
    List<Object> id = List.of(key == null ? "-" : key.certificate().getSerialNumber(), trustState());
    Factory f = factories.get(from.clusterId());
    if (f == null || !f.id().equals(id)) {
      SSLContext ctx = LiveTls.context(key, () -> network.tomcatTrust(from.clusterId()));
      f = new Factory(id, new NoDelaySocketFactory(ctx.getSocketFactory()));
      factories.put(from.clusterId(), f);
    }
    return f.factory();
  }

  /** Every cluster's tomcat-trust (compared by value: the lists are immutable and short). */
  private List<List<String>> trustState() {
    List<List<String>> all = new ArrayList<>();
    for (Cluster c : session.workspace().clusters()) {
      all.add(c.trustStores().tomcatTrust());
    }
    return all;
  }

  private record Factory(List<Object> id, SSLSocketFactory factory) {}
}
