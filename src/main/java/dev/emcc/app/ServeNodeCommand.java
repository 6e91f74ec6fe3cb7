package dev.emcc.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.node.Listeners;
import dev.emcc.node.Messages;
import dev.emcc.node.NodeIdentity;
import dev.emcc.node.NodeServer;
import dev.emcc.node.RunningNode;
import dev.emcc.node.ServerLimits;
import dev.emcc.wire.WirePaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emcc serve-node}: runs one cluster node (REST API, EMService and AXL over HTTPS) until stopped. */
@Command(name = "serve-node", mixinStandardHelpOptions = true,
    description = {"Run one cluster node: the cluster's REST API, its EMService and AXL over HTTPS, kept in "
        + "its own SQLite store in --data. AXL signs in the cluster's application users with the "
        + "Standard AXL API Access role.",
        "On first start it creates a self-signed certificate and an API token in --data and prints "
        + "the certificate's SHA-256 fingerprint and the token once."})
public final class ServeNodeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data folder.")
  Path data;

  @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port (0: any free port).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--init", paramLabel = "FILE.json",
      description = "A workspace or cluster document to load when the node holds no cluster yet.")
  Path init;

  @Option(names = "--cluster", paramLabel = "ID", description = "Which cluster of the --init workspace.")
  String clusterId;

  @Option(names = "--body-limit", defaultValue = "" + NodeServer.DEFAULT_BODY_LIMIT, paramLabel = "BYTES",
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
  long bodyLimit;

  @Option(names = "--http-port", paramLabel = "P",
      description = "Also serve the EMService over plain HTTP on this port (0: any free port; off by default). "
          + "The REST API is never served in clear.")
  Integer httpPort;

  @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "Close a connection silent for this long (default: ${DEFAULT-VALUE}).")
  int idleTimeout;

  @Option(names = "--head-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Close a connection whose TLS handshake or request head is not complete this long after it "
          + "began (default: ${DEFAULT-VALUE}).")
  int headTimeout;

  @Option(names = "--max-connections", defaultValue = "512", paramLabel = "N",
      description = "Connections open at once; beyond it new ones wait (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--axl-writes-per-second", defaultValue = "0", paramLabel = "R",
      description = "AXL writes taken a second; beyond it the node answers 503 as CUCM's throttle does "
          + "(0: no limit, the default).")
  double axlWritesPerSecond;

  @Override
  public Integer call() throws IOException, DocumentException, InterruptedException {
    if (axlWritesPerSecond < 0) {
      throw new BadInputException(Messages.get("node.badAxl"));
    }
    if (bodyLimit < 1024 || bodyLimit > Integer.MAX_VALUE - 8) {
      throw new BadInputException(Messages.get("node.badBodyLimit"));
    }
    if (idleTimeout < 1 || idleTimeout > 3600 || headTimeout < 1 || headTimeout > 3600 || maxConnections < 1
        || maxConnections > 100_000 || (httpPort != null && (httpPort < 0 || httpPort > 65535
        || (httpPort != 0 && httpPort == port)))) {
      throw new BadInputException(Messages.get("node.badLimits"));
    }
    ServerLimits limits = ServerLimits.DEFAULTS.withBodyLimit(bodyLimit)
        .withTimeouts(Duration.ofSeconds(idleTimeout), Duration.ofSeconds(headTimeout),
            ServerLimits.DEFAULTS.bodyGrace())
        .withMaxConnections(maxConnections);
    Cluster initial = init == null ? null : readInit(init, clusterId);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NodeServer.NodeLog log = new NodeServer.NodeLog() {
      @Override
      public void info(String line) {
        out.println(line);
        out.flush();
      }

      @Override
      public void error(String line, Throwable cause) {
        err.println(line + ": " + cause);
        err.flush();
      }
    };
    CountDownLatch stop = new CountDownLatch(1);
    try (RunningNode node = RunningNode.start(data, new Listeners(bind, port, httpPort), limits, initial, log)) {
      node.server().axlWritesPerSecond(axlWritesPerSecond);
      NodeIdentity id = node.identity();
      if (id.created()) {
        out.println(Messages.format("node.created", data.toAbsolutePath()));
        out.println(Messages.format("node.fingerprint", id.fingerprint()));
        out.println(Messages.format("node.token", data.toAbsolutePath().resolve("api-token"), id.token()));
      }
      String served = node.server().state().clusterId();
      if (initial != null) {
        out.println(node.initialized() ? Messages.format("node.initialized", initial.clusterId(), init)
            : Messages.format("node.initIgnored", served, init));
      }
      out.println(Messages.format("node.listening", served == null ? "-" : served, bind, node.port()));
      if (node.httpPort() >= 0) {
        out.println(Messages.format("node.listeningHttp", bind, node.httpPort(), WirePaths.EMSERVICE));
      }
      out.println(Messages.format("node.listeningAxl", bind, node.port()));
      if (served == null) {
        out.println(Messages.get("node.empty"));
      }
      out.flush();
      Thread hook = new Thread(stop::countDown, "emcc-node-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running
      }
    }
    out.println(Messages.get("node.stopped"));
    out.flush();
    return ExitCodes.OK;
  }

  /** A workspace document (formatVersion + clusters) or a single cluster document. */
  static Cluster readInit(Path file, String clusterId) throws IOException, DocumentException {
    byte[] bytes = Files.readAllBytes(file);
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Json.problem(file.toString(), e);
    }
    if (tree != null && tree.has("formatVersion")) {
      Workspace ws = WorkspaceFormat.read(bytes, file.toString());
      if (clusterId != null) {
        return ws.cluster(clusterId).orElseThrow(() ->
            new BadInputException(Messages.format("node.noSuchCluster", file, clusterId)));
      }
      if (ws.clusters().size() != 1) {
        throw new BadInputException(Messages.format("node.initCluster", file, ws.clusters().size(),
            ws.clusters().stream().map(Cluster::clusterId).collect(Collectors.joining(", "))));
      }
      return ws.clusters().get(0);
    }
    return WorkspaceFormat.readCluster(bytes, file.toString());
  }
}
