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
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.sync.PullResult;
import dev.emcc.sync.PushCheck;
import dev.emcc.sync.PushResult;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.sync.SyncReport;
import dev.emcc.sync.Syncer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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

  /** The options every sync command takes. */
  static final class Common {
    @Option(names = "--node", paramLabel = "URL", description = "A registered node (repeatable); default: "
        + "every registered node of --cluster.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "ID", description = "The cluster (default: the node's).")
    String cluster;

    @Mixin
    WorkspaceOptions where = new WorkspaceOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    NodesFileOption nodesFile = new NodesFileOption();

    LocalWorkspace local() {
      return where.local();
    }

    List<NodeClient> clients() throws IOException {
      NodesFile file = nodesFile.load();
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
      NodesFile file = nodesFile.load();
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

  /**
   * A sync subcommand: its options, and the failures every one of them maps alike (a node that
   * cannot be reached or refuses: I/O; a workspace the sync cannot take: bad input).
   */
  abstract static class Subcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Override
    public final Integer call() throws IOException, DocumentException {
      PrintWriter out = spec.commandLine().getOut();
      try {
        return run(out);
      } catch (NodeException e) {
        return NodesCommand.fail(spec, ExitCodes.IO, e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      } finally {
        out.flush();
      }
    }

    abstract int run(PrintWriter out) throws NodeException, IOException, DocumentException;
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Show, object by object and field by field, what differs between the workspace and each node.")
  static final class PlanCmd extends Subcommand {
    @Override
    int run(PrintWriter out) throws NodeException, IOException, DocumentException {
      List<NodeClient> clients = common.clients();
      ArrayNode all = Json.mapper().createArrayNode();
      boolean conflicts = false;
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
      if (common.json) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("plans", all);
        printJson(out, root);
      } else if (conflicts) {
        out.println(Messages.get("sync.conflictHint"));
      }
      return conflicts ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
  }

  @Command(name = "push", mixinStandardHelpOptions = true,
      description = "Send the workspace's changes to every node of the cluster at once (one batch, one transaction "
          + "per node), retrying transient failures.")
  static final class Push extends Subcommand {
    @Option(names = "--force", description = "Push even when the cluster has validation errors (they are still "
        + "listed on stderr). Without it such a push is refused with exit code 1.")
    boolean force;

    @Override
    int run(PrintWriter out) throws NodeException, IOException, DocumentException {
      List<NodeClient> clients = common.clients();
      String clusterId = common.clusterId(clients.get(0));
      if (!validEnough(out, clusterId)) {
        return ExitCodes.FINDINGS;
      }
      List<PushResult> results = new Syncer(common.local(), RetryPolicy.DEFAULT).push(clients, clusterId);
      common.remember(results, clusterId);
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
      }
      return conflicts ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * The cluster's validation errors are listed on stderr; false (nothing is pushed) unless
     * {@code --force}. With {@code --json} a refusal prints them as {@code {"diagnostics": [...]}}.
     */
    private boolean validEnough(PrintWriter out, String clusterId) throws IOException, DocumentException {
      List<Diagnostic> errors = PushCheck.errors(common.local().load(), clusterId, Validator.standard()::validate);
      if (errors.isEmpty()) {
        return true;
      }
      PrintWriter err = spec.commandLine().getErr();
      String lang = Locale.getDefault().getLanguage().equals("ja") ? "ja" : "en";
      err.println(Messages.format(force ? "sync.pushingInvalid" : "sync.invalid", clusterId, errors.size()));
      errors.forEach(d -> err.println("  " + ValidateCommand.line(d, lang)));
      if (!force) {
        err.println(Messages.get("sync.invalidHint"));
        if (common.json) {
          printJson(out, java.util.Map.of("diagnostics", errors));
        }
      }
      err.flush();
      return force;
    }
  }

  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = "Take a node's changes into the workspace (the first --node, or the cluster's first node).")
  static final class Pull extends Subcommand {
    @Override
    int run(PrintWriter out) throws NodeException, IOException, DocumentException {
      NodeClient client = common.clients().get(0);
      PullResult r = new Syncer(common.local(), RetryPolicy.DEFAULT).pull(client, common.clusterId(client));
      if (common.json) {
        printJson(out, SyncReport.json(r));
      } else {
        SyncReport.print(r.plan(), out);
        out.println(Messages.format("sync.pulled", r.node().url(), r.pulled(), r.conflicts().size()));
        if (r.saved() != null) {
          out.println(dev.emcc.edit.EditMessages.checked(java.util.Locale.getDefault(), r.saved()));
        }
        if (!r.conflicts().isEmpty()) {
          out.println(Messages.get("sync.conflictHint"));
        }
      }
      return r.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }
}
