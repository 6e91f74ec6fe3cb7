package dev.emcc.app;

import dev.emcc.axl.AxlClient;
import dev.emcc.axl.AxlException;
import dev.emcc.axl.AxlPins;
import dev.emcc.axl.AxlPlan;
import dev.emcc.axl.AxlProgress;
import dev.emcc.axl.AxlPush;
import dev.emcc.axl.AxlRead;
import dev.emcc.axl.AxlReader;
import dev.emcc.axl.AxlReport;
import dev.emcc.axl.AxlVersion;
import dev.emcc.axl.Messages;
import dev.emcc.axl.PulledStates;
import dev.emcc.edit.EditMessages;
import dev.emcc.edit.EditResult;
import dev.emcc.edit.Origin;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emcc axl pull|plan|push}: read, compare and write a cluster's EMCC configuration over AXL. */
@Command(name = "axl", mixinStandardHelpOptions = true,
    description = "Read a CUCM cluster's EMCC configuration over AXL into the workspace (pull), show what a push "
        + "would change field by field (plan), write the workspace's changes (push). Conflicts are shown, never "
        + "overwritten.",
    subcommands = {AxlCommand.Pull.class, AxlCommand.PlanCmd.class, AxlCommand.Push.class})
public final class AxlCommand implements Runnable {
  static final String PASSWORD_ENV = "EMCC_AXL_PASSWORD";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the AXL server is, who logs in, and where the workspace is. */
  static final class Common {
    @Option(names = "--host", required = true, paramLabel = "H", description = "The publisher's host name or address.")
    String host;

    @Option(names = "--port", defaultValue = "8443", paramLabel = "P", description = "HTTPS port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", required = true, paramLabel = "U",
        description = "An application user with the \"Standard AXL API Access\" role.")
    String user;

    @Option(names = "--password-file", paramLabel = "F", description = "File holding the password (else $" + PASSWORD_ENV + ").")
    Path passwordFile;

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The workspace's cluster id.")
    String cluster;

    @Option(names = "--axl-version", defaultValue = "12.5", paramLabel = "V",
        description = "AXL schema version: 11.5, 12.0, 12.5, 14.0 or 15.0 (default ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--accept-fingerprint", paramLabel = "SHA256",
        description = "Confirm a server's certificate seen for the first time by its SHA-256 fingerprint; it is then pinned.")
    String acceptFingerprint;

    @Option(names = "--pins", paramLabel = "FILE", description = "The pinned AXL certificates (default ~/.emcc/axl_hosts).")
    Path pins;

    @Option(names = "--state-dir", paramLabel = "DIR",
        description = "Where the last pulled state of each cluster is kept (default ~/.emcc/axl).")
    Path stateDir;

    @Mixin
    WorkspaceOptions where = new WorkspaceOptions();

    AxlVersion version() {
      try {
        return AxlVersion.of(version);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    }

    AxlPins pins() {
      return new AxlPins(pins == null ? AxlPins.defaultFile() : pins);
    }

    PulledStates states() {
      return new PulledStates(stateDir == null ? PulledStates.defaultDir() : stateDir);
    }

    String server() {
      return host + ":" + port;
    }

    /** A client trusting the pinned certificate, or the one confirmed with --accept-fingerprint. */
    AxlClient client() throws IOException {
      String password = password();
      Optional<String> pinned = pins().pinned(host, port);
      String fingerprint;
      try {
        fingerprint = acceptFingerprint != null ? AxlPins.normalize(acceptFingerprint) : pinned.orElse("");
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      if (pinned.isPresent() && !pinned.get().equals(fingerprint)) {
        fingerprint = pinned.get(); // a pinned certificate is never replaced from the command line
      }
      return new AxlClient(new AxlClient.Target(host, port, user, password, version(), fingerprint));
    }

    /** After the first request succeeded: a confirmed certificate is pinned. */
    void pinIfNew(PrintWriter out) throws IOException {
      if (acceptFingerprint != null && pins().pinned(host, port).isEmpty()) {
        pins().pin(host, port, acceptFingerprint);
        out.println(Messages.format("axl.trust.pinned", server(), AxlPins.normalize(acceptFingerprint), pins().file()));
      }
    }

    private String password() throws IOException {
      if (passwordFile != null) {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      }
      String env = System.getenv(PASSWORD_ENV);
      if (env == null || env.isEmpty()) {
        throw new BadInputException(Messages.get("axl.noPassword"));
      }
      return env;
    }

    Workspace load() throws IOException, DocumentException {
      return where.local().load();
    }

    /** The cluster read again and the plan of pushing the workspace's onto it. */
    Planned plan(AxlClient client, PrintWriter out, PrintWriter err) throws AxlException, IOException,
        DocumentException {
      Cluster local = local();
      AxlRead read = new AxlReader(client, progress(err)).pull(cluster, local);
      pinIfNew(out);
      return new Planned(AxlPlan.of(local, read, states().load(host, port, cluster)), read);
    }

    /** Progress on stderr, at most a line a second: a large cluster takes a while. */
    static AxlProgress progress(PrintWriter err) {
      long[] last = {System.nanoTime()};
      return (part, done, total) -> {
        synchronized (last) { // the pull's gets report from several threads
          long now = System.nanoTime();
          if (now - last[0] >= 1_000_000_000L) {
            last[0] = now;
            err.println(Messages.format("axl.progress", part, done, total));
            err.flush();
          }
        }
      };
    }

    Cluster local() throws IOException, DocumentException {
      return load().cluster(cluster).orElseThrow(() -> new BadInputException(Messages.format("axl.noCluster", cluster)));
    }
  }

  /** A plan and the cluster as read for it. */
  record Planned(AxlPlan plan, AxlRead read) {
    Cluster remote() {
      return read.cluster();
    }
  }

  /** The AXL failures every subcommand maps alike: a refused certificate says how to confirm it. */
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
      } catch (AxlException e) {
        if (e.kind() == AxlException.Kind.TRUST && e.presentedFingerprint() != null
            && common.pins().pinned(common.host, common.port).isEmpty()) {
          return NodesCommand.fail(spec, ExitCodes.IO, Messages.format("axl.trust.first", common.server(),
              e.presentedFingerprint()));
        }
        return NodesCommand.fail(spec, ExitCodes.IO, e.getMessage());
      } finally {
        out.flush();
      }
    }

    abstract int run(PrintWriter out) throws AxlException, IOException, DocumentException;
  }

  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = "Read the cluster over AXL into the workspace (one change in the database's history); what AXL "
          + "does not carry keeps the workspace's values.")
  static final class Pull extends Subcommand {
    @Override
    int run(PrintWriter out) throws AxlException, IOException, DocumentException {
      AxlClient client = common.client();
      Workspace ws = common.load();
      Cluster base = ws.cluster(common.cluster).orElse(null);
      java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
      client.wire((op, req, status, resp) -> requests.incrementAndGet());
      AxlRead pulled = new AxlReader(client, Common.progress(spec.commandLine().getErr())).pull(common.cluster, base);
      Cluster read = pulled.cluster();
      common.pinIfNew(out);
      WorkspaceStorage storage = common.where.storage(Origin.axlPull(common.cluster, common.server()));
      EditResult saved = storage.save(ws.withCluster(read));
      common.states().save(common.host, common.port, read);
      out.println(Messages.format("axl.pulled", common.cluster, common.server(), count(read), requests.get(),
          storage.describe()));
      out.println(Messages.get("axl.kept"));
      AxlReport.unread(pulled).forEach(out::println);
      out.println(EditMessages.checked(Locale.getDefault(), saved));
      return ExitCodes.OK;
    }

    private static int count(Cluster c) {
      return c.phones().size() + c.deviceProfiles().size() + c.endUsers().size() + c.phoneServices().size()
          + c.sipTrunks().size() + c.remoteClusters().size() + c.geolocations().size() + c.geolocationFilters().size()
          + c.commonDeviceConfigs().size() + c.devicePools().size() + c.nodes().size();
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Show, object by object and field by field, what a push would change on the cluster.")
  static final class PlanCmd extends Subcommand {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    int run(PrintWriter out) throws AxlException, IOException, DocumentException {
      Planned planned = common.plan(common.client(), out, spec.commandLine().getErr());
      AxlPlan plan = planned.plan();
      if (json) {
        out.println(Json.mapper().writeValueAsString(AxlReport.json(plan)));
      } else {
        AxlReport.print(common.cluster, common.server(), common.version(), plan, out);
        AxlReport.unread(planned.read()).forEach(out::println); // not compared: never pushed
      }
      return plan.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }

  @Command(name = "push", mixinStandardHelpOptions = true,
      description = "Write the workspace's changes to the cluster over AXL, one request at a time in dependency order, "
          + "stopping at the first failure with what was applied and what was not. Conflicts are not pushed.")
  static final class Push extends Subcommand {
    @Override
    int run(PrintWriter out) throws AxlException, IOException, DocumentException {
      AxlClient client = common.client();
      Planned planned = common.plan(client, out, spec.commandLine().getErr());
      AxlPush.Report report = AxlPush.run(client, planned.plan(), Common.progress(spec.commandLine().getErr()));
      common.states().save(common.host, common.port, AxlPlan.appliedOnto(planned.remote(), report.applied()));
      AxlReport.print(report, common.server(), out);
      if (report.failure() != null) {
        spec.commandLine().getErr().println("emcc axl push: error: " + report.failure().getMessage());
        return ExitCodes.IO;
      }
      return report.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }
}
