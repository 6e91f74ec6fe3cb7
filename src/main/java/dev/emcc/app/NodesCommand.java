package dev.emcc.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.emcc.format.Json;
import dev.emcc.sync.Messages;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeException;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code emcc nodes add|list|remove}: the registered cluster nodes (URL, pinned fingerprint, token). */
@Command(name = "nodes", mixinStandardHelpOptions = true,
    description = "Register the cluster nodes this console syncs with (kept in an owner-only nodes file).",
    subcommands = {NodesCommand.Add.class, NodesCommand.ListNodes.class, NodesCommand.Remove.class})
public final class NodesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static int fail(CommandSpec spec, int code, String message) {
    spec.commandLine().getErr().println("emcc " + spec.qualifiedName().replaceFirst("^emcc ", "") + ": error: " + message);
    spec.commandLine().getErr().flush();
    return code;
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Register a node: checks its certificate against --fingerprint and its token, learns its cluster.")
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The node's address, such as https://127.0.0.1:8443")
    String url;

    @Option(names = "--fingerprint", required = true, paramLabel = "SHA256",
        description = "The SHA-256 fingerprint the node printed on first start (AB:CD:... or plain hex).")
    String fingerprint;

    @Option(names = "--token-file", required = true, paramLabel = "F", description = "A file holding the node's API token.")
    Path tokenFile;

    @Mixin
    NodesFileOption nodesFile = new NodesFileOption();

    @Override
    public Integer call() throws IOException {
      String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
      if (token.isEmpty()) {
        throw new BadInputException(Messages.format("nodes.badTokenFile", tokenFile));
      }
      NodeRef ref;
      try {
        ref = new NodeRef(url, fingerprint, token, null);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      NodeClient client = new NodeClient(ref);
      String clusterId;
      // nothing is written to the nodes file unless the certificate and the token are both right
      try {
        clusterId = client.health().clusterId();
        // a request that needs the token: a wrong one is refused here, not at the first sync
        NodeClient.Response r = client.send("GET", "/api/v1/cluster/settings/cluster", null, Map.of());
        if (r.status() == 401) {
          return fail(spec, ExitCodes.IO, Messages.format("nodes.notRegisteredToken", ref.url(), tokenFile));
        }
      } catch (NodeException e) {
        if (e.kind() == NodeException.Kind.TRUST && e.presentedFingerprint() != null) {
          return fail(spec, ExitCodes.IO, Messages.format("nodes.notRegisteredTrust", ref.url(),
              e.presentedFingerprint(), ref.fingerprint()));
        }
        return fail(spec, ExitCodes.IO, Messages.format("nodes.notRegistered", ref.url(), e.getMessage()));
      }
      NodesFile file = nodesFile.load();
      NodeRef registered = new NodeRef(ref.url(), ref.fingerprint(), ref.token(), clusterId);
      file.add(registered);
      file.save();
      PrintWriter out = spec.commandLine().getOut();
      out.println(clusterId == null ? Messages.format("nodes.registeredEmpty", registered.url(), file.file())
          : Messages.format("nodes.registered", registered.url(), clusterId, file.file()));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered nodes (never their tokens).")
  static final class ListNodes implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NodesFileOption nodesFile = new NodesFileOption();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      NodesFile file = nodesFile.load();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ArrayNode list = Json.mapper().createArrayNode();
        file.nodes().forEach(n -> list.addObject().put("url", n.url()).put("fingerprint", n.fingerprint())
            .put("clusterId", n.clusterId()));
        out.println(Json.mapper().writeValueAsString(list));
      } else if (file.nodes().isEmpty()) {
        out.println(Messages.format("nodes.listEmpty", file.file()));
      } else {
        file.nodes().forEach(n -> out.println(n.url() + "  " + (n.clusterId() == null ? "-" : n.clusterId())
            + "  " + n.fingerprint()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a registered node.")
  static final class Remove implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL")
    String url;

    @Mixin
    NodesFileOption nodesFile = new NodesFileOption();

    @Override
    public Integer call() throws IOException {
      NodesFile file = nodesFile.load();
      if (!file.remove(url)) {
        throw new BadInputException(Messages.format("nodes.unknown", url, file.file()));
      }
      file.save();
      spec.commandLine().getOut().println(Messages.format("nodes.removed", url, file.file()));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
