package dev.emcc.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.sim.SimulatorSession;
import dev.emcc.sim.Wire;
import dev.emcc.wire.WirePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.w3c.dom.Element;

/**
 * One node of a simulated cluster on 127.0.0.1: an HTTPS server presenting the node's Tomcat
 * certificate, asking the caller for its own (mutual TLS, accepted only when its fingerprint is
 * in the cluster's tomcat-trust), with the EMService endpoint answering the cluster-to-cluster
 * calls of EMCC by running the home side of the live {@link SimulatorSession}:
 * {@code <query><emccUserQuery>}, {@code <request><emccHomeLogin>},
 * {@code <request><emccHomeLogout>} and {@code <query><emccRemoteUpdate/>}. Answers are
 * {@code <response clusterId="...">} documents; a node whose Cisco Extension Mobility service is
 * not activated answers 503.
 */
final class SimHomeNode implements AutoCloseable {
  private final HttpsServer server;
  private final String clusterId;
  private final String nodeName;
  private final LiveNetwork network;

  private SimHomeNode(HttpsServer server, String clusterId, String nodeName, LiveNetwork network) {
    this.server = server;
    this.clusterId = clusterId;
    this.nodeName = nodeName;
    this.network = network;
  }

  static SimHomeNode start(LiveNetwork network, String clusterId, String nodeName, NodeKeyMaterial key,
      Executor executor) throws IOException {
    SSLContext ctx = LiveTls.context(key, () -> network.tomcatTrust(clusterId));
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = ctx.getDefaultSSLParameters();
        p.setNeedClientAuth(true);
        params.setSSLParameters(p);
      }
    });
    server.setExecutor(executor);
    SimHomeNode node = new SimHomeNode(server, clusterId, nodeName, network);
    server.createContext(WirePaths.INTERCLUSTER, node::handle);
    server.start();
    return node;
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      int status;
      String xml;
      if (!ex.getRequestMethod().equals("POST")) {
        status = 405;
        xml = EmXml.failure(EmService.PARSE_ERROR, "POST only");
      } else if (!emActive()) {
        status = 503;
        xml = EmXml.failure(EmService.UNKNOWN, "Cisco Extension Mobility is not activated on " + nodeName);
      } else {
        String[] answer = answer(new String(body, StandardCharsets.UTF_8));
        status = Integer.parseInt(answer[0]);
        xml = answer[1];
      }
      byte[] out = xml.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
      ex.sendResponseHeaders(status, out.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(out);
      }
    }
  }

  private boolean emActive() {
    SimulatorSession s = network.session();
    if (s == null) {
      return false;
    }
    Cluster c = s.workspace().clusters().stream().filter(x -> x.clusterId().equals(clusterId)).findFirst().orElse(null);
    Node n = c == null ? null : c.node(nodeName).orElse(null);
    return n != null && n.services().extensionMobility();
  }

  private String[] answer(String xml) {
    Element root;
    try {
      root = EmXml.parse(xml);
    } catch (IOException e) {
      return new String[] {"400", EmXml.failure(EmService.PARSE_ERROR, "cannot parse the XML request: " + e.getMessage())};
    }
    List<Element> ops = EmXml.children(root);
    if (ops.isEmpty()) {
      return new String[] {"400", EmXml.failure(EmService.QUERY_TYPE_UNDETERMINED, "no operation in the request")};
    }
    Element op = ops.get(0);
    String to = root.getAttribute("toClusterId");
    if (!to.isEmpty() && !to.equalsIgnoreCase(clusterId)) {
      // the caller meant another cluster: say who this is and do nothing (the caller reports 42)
      return new String[] {"200", "<response clusterId=\"" + EmXml.escape(clusterId) + "\"/>"};
    }
    try {
      String inner;
      // the session is not thread-safe; the visiting side waits for this answer, so the lock is free
      synchronized (network.lock()) {
        SimulatorSession s = network.session();
        inner = switch (root.getTagName() + "/" + op.getTagName()) {
          case "query/emccUserQuery" -> WireXml.write("userQueryAnswer",
              s.answerUserQuery(clusterId, WireXml.read(op, Wire.UserQuery.class)));
          case "request/emccHomeLogin" -> WireXml.write("homeLoginAnswer",
              s.answerLogin(clusterId, WireXml.read(op, Wire.HomeLoginRequest.class)));
          case "request/emccHomeLogout" -> "<loggedOut>"
              + s.answerLogout(clusterId, WireXml.read(op, Wire.HomeLogoutRequest.class)) + "</loggedOut>";
          case "query/emccRemoteUpdate" -> "<answered>true</answered>";
          default -> null;
        };
      }
      if (inner == null) {
        return new String[] {"400", EmXml.failure(EmService.QUERY_TYPE_UNDETERMINED, "unknown operation <"
            + root.getTagName() + "><" + op.getTagName() + ">")};
      }
      return new String[] {"200", "<response clusterId=\"" + EmXml.escape(clusterId) + "\">" + inner + "</response>"};
    } catch (IOException e) {
      return new String[] {"400", EmXml.failure(EmService.PARSE_ERROR, e.getMessage())};
    }
  }
}
