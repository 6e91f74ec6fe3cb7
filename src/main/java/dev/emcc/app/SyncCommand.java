package dev.emcc.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Workspace;
import dev.emcc.sync.LocalWorkspace;
import dev.emcc.sync.Messages;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeException;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.Plan;
import dev.emcc.sync.PullResult;
import dev.emcc.sync.PushResult;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.sync.SyncReport;
import dev.emcc.sync.Syncer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emcc sync plan|push|pull}: compare and exchange a cluster with its nodes. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Compare the workspace's cluster with its nodes (plan), send the console's changes to every "
        + "node (push) or take a node's changes (pull). Conflicts are reported, never overwritten.",
    subcommands = {SyncCommand.PlanCmd.class, SyncCommand.Push.class, SyncCommand.Pull.class})
public final class SyncCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the console's workspace is: exactly one of --db and --workspace. */
  static final class Source {
    @Option(names = "--db", paramLabel = "DB", description = "The console's workspace database (SQLite).")
    Path db;

    @Option(names = "--workspace", paramLabel = "FILE", description = "A workspace document (JSON).")
    Path workspace;
  }

  /** The options every sync command takes. */
  static final class Common {
    @Option(names = "--node", paramLabel = "URL", description = "A registered node (repeatable); default: "
        + "every registered node of --cluster.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "ID", description = "The cluster (default: the node's).")
    String cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--nodes-file", paramLabel = "FILE", description = "The nodes file.")
    Path nodesFile;

    LocalWorkspace local() {
      return source.db != null ? LocalWorkspace.database(source.db) : LocalWorkspace.file(source.workspace);
    }

    List<NodeClient> clients() throws IOException {
      NodesFile file = NodesFile.load(NodesCommand.nodesFile(nodesFile));
      List<NodeRef> refs = new ArrayList<>();
      if (!nodes.isEmpty()) {
        for (String url : nodes) {
          try {
            refs.add(file.find(url).orElseThrow(() -> new BadInputException(Messages.format("sync.notRegistered", url))));
          } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
          }
        }
      } else if (cluster != null) {
        refs.addAll(file.forCluster(cluster));
        if (refs.isEmpty()) {
          throw new BadInputException(Messages.format("sync.noNodesForCluster", cluster));
        }
      } else {
        throw new BadInputException(Messages.get("sync.noNodes"));
      }
      return refs.stream().map(NodeClient::new).toList();
    }

    /** A node registered while empty now serves the pushed cluster: the nodes file learns it. */
    void remember(List<PushResult> results, String clusterId) throws IOException {
      NodesFile file = NodesFile.load(NodesCommand.nodesFile(nodesFile));
      boolean changed = false;
      for (PushResult r : results) {
        NodeRef known = file.find(r.node().url()).orElse(null);
        if (r.ok() && known != null && known.clusterId() == null) {
          file.add(new NodeRef(known.url(), known.fingerprint(), known.token(), clusterId));
          changed = true;
        }
      }
      if (changed) {
        file.save();
      }
    }

    /** --cluster, else the node's cluster, else the workspace's only cluster. */
    String clusterId(NodeClient first) throws NodeException, IOException, DocumentException {
      if (cluster != null) {
        return cluster;
      }
      String served = first.health().clusterId();
      if (served != null) {
        return served;
      }
      Workspace ws = local().load();
      if (ws.clusters().size() == 1) {
        return ws.clusters().get(0).clusterId();
      }
      throw new BadInputException(Messages.format("sync.whichCluster", ws.clusters().size()));
    }
  }

  static void printJson(PrintWriter out, Object tree) throws IOException {
    out.println(Json.mapper().writeValueAsString(tree));
    out.flush();
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Show, object by object and field by field, what differs between the workspace and each node.")
  static final class PlanCmd implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Override
    public Integer call() throws IOException, DocumentException {
      PrintWriter out = spec.commandLine().getOut();
      List<NodeClient> clients = common.clients();
      ArrayNode all = Json.mapper().createArrayNode();
      boolean conflicts = false;
      try {
        String clusterId = common.clusterId(clients.get(0));
        Syncer syncer = new Syncer(common.local(), RetryPolicy.DEFAULT);
        for (NodeClient c : clients) {
          Plan plan = syncer.plan(c, clusterId);
          conflicts |= plan.hasConflicts();
          if (common.json) {
            all.add(SyncReport.json(plan));
          } else {
            SyncReport.print(plan, out);
          }
        }
      } catch (NodeException e) {
        return NodesCommand.fail(spec, ExitCodes.IO, e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      if (common.json) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("plans", all);
        printJson(out, root);
      } else if (conflicts) {
        out.println(Messages.get("sync.conflictHint"));
      }
      out.flush();
      return conflicts ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
  }

  @Command(name = "push", mixinStandardHelpOptions = true,
      description = "Send the workspace's changes to every node of the cluster at once (one batch, one transaction "
          + "per node), retrying transient failures.")
  static final class Push implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Override
    public Integer call() throws IOException, DocumentException {
      PrintWriter out = spec.commandLine().getOut();
      List<NodeClient> clients = common.clients();
      List<PushResult> results;
      try {
        String clusterId = common.clusterId(clients.get(0));
        results = new Syncer(common.local(), RetryPolicy.DEFAULT).push(clients, clusterId);
        common.remember(results, clusterId);
      } catch (NodeException e) {
        return NodesCommand.fail(spec, ExitCodes.IO, e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      if (common.json) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode list = root.putArray("results");
        results.forEach(r -> list.add(SyncReport.json(r)));
        printJson(out, root);
      } else {
        SyncReport.print(results, out);
      }
      out.flush();
      boolean failed = results.stream().anyMatch(r -> !r.ok());
      boolean conflicts = results.stream().anyMatch(r -> !r.conflicts().isEmpty());
      if (failed) {
        results.stream().filter(r -> !r.ok()).forEach(r -> NodesCommand.fail(spec, ExitCodes.IO, r.error().getMessage()));
        return ExitCodes.IO;
      }
      if (conflicts && !common.json) {
        out.println(Messages.get("sync.conflictHint"));
        out.flush();
      }
      return conflicts ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
  }

  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = "Take a node's changes into the workspace (the first --node, or the cluster's first node).")
  static final class Pull implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Override
    public Integer call() throws IOException, DocumentException {
      PrintWriter out = spec.commandLine().getOut();
      NodeClient client = common.clients().get(0);
      PullResult r;
      try {
        r = new Syncer(common.local(), RetryPolicy.DEFAULT).pull(client, common.clusterId(client));
      } catch (NodeException e) {
        return NodesCommand.fail(spec, ExitCodes.IO, e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      if (common.json) {
        printJson(out, SyncReport.json(r));
      } else {
        SyncReport.print(r.plan(), out);
        out.println(Messages.format("sync.pulled", r.node().url(), r.pulled(), r.conflicts().size()));
        if (!r.conflicts().isEmpty()) {
          out.println(Messages.get("sync.conflictHint"));
        }
      }
      out.flush();
      return r.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }
}
