package dev.emcc.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.certs.BulkCertificateJobs;
import dev.emcc.certs.BundleFileReport;
import dev.emcc.certs.CertificateCodec;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.NodeCertificateIssuer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.certs.NodeKeyStore;
import dev.emcc.certs.ProgressListener;
import dev.emcc.certs.TrustImport;
import dev.emcc.edit.EditMessages;
import dev.emcc.edit.EditResult;
import dev.emcc.edit.Origin;
import dev.emcc.format.Json;
import dev.emcc.model.Certificate;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emcc certs}: node certificates and Bulk Certificate Management over SFTP. */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = "Node certificates and the bulk certificate exchange (export, consolidate, import) over SFTP.",
    subcommands = {
        CertsCommand.Generate.class,
        CertsCommand.Add.class,
        CertsCommand.Export.class,
        CertsCommand.Consolidate.class,
        CertsCommand.Import.class})
public final class CertsCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Where the jobs take the time from. */
  private static final Clock CLOCK = Clock.systemUTC();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Cluster cluster(Workspace ws, String id, WorkspaceStorage storage) {
    return ws.cluster(id).orElseThrow(() -> new BadInputException(
        "no cluster '" + id + "' in " + storage.describe()));
  }

  static CertificateSelection selection(String text) {
    try {
      return CertificateSelection.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  static void json(PrintWriter out, Object value) {
    try {
      out.println(Json.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file's report as JSON: what was taken (and how it was named) and what was left and why. */
  static Map<String, Object> report(BundleFileReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", r.file());
    m.put("taken", r.taken().stream().map(t -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("alias", t.alias().text());
      e.put("subject", t.subject());
      if (t.mapped()) {
        e.put("nodeFrom", t.nodeFrom().name());
        e.put("typeFrom", t.typeFrom().name());
        e.put("clusterFrom", "FILE_NAME");
      }
      return e;
    }).toList());
    m.put("left", r.left().stream().map(l -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("entry", l.what());
      e.put("reason", l.reason().name());
      e.put("text", dev.emcc.certs.CertsMessages.en("report.left." + l.reason().name()));
      return e;
    }).toList());
    return m;
  }

  /** The line every editing subcommand ends with: what validation finds in the workspace it saved. */
  static void checked(PrintWriter out, EditResult saved) {
    out.println(EditMessages.checked(Locale.getDefault(), saved));
  }

  static ProgressListener progress(PrintWriter out, boolean verbose) {
    return verbose ? p -> out.println("  [" + p.done() + "/" + p.total() + "] " + p.text(Locale.ROOT)) : ProgressListener.NONE;
  }

  /** {@code emcc certs generate}: self-signed certificates for every node, keys in a key store. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Issue self-signed node certificates (RSA 2048; EC P-256 for the ECDSA types) for every node "
          + "of a cluster. The certificates go into the workspace, the private keys into a PKCS12 key store.")
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOptions where = new WorkspaceOptions();

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The cluster (its clusterId).")
    String clusterId;

    @Option(names = "--type", defaultValue = "all", paramLabel = "TYPE",
        description = "all, callManager, callManagerEcdsa, tomcat, tomcatEcdsa, capf, tftp, tvs or itlRecovery.")
    String type;

    @Option(names = "--days", defaultValue = "1825", description = "Validity in days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--key-store", required = true, paramLabel = "FILE",
        description = "PKCS12 file for the private keys (created when missing). Never part of the workspace.")
    Path keyStore;

    @Option(names = "--key-store-password-file", required = true, paramLabel = "FILE",
        description = "File whose first line is the key store's password.")
    Path keyStorePasswordFile;

    @Option(names = "--json", description = "Print the issued certificates as JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
      if (days <= 0) {
        throw new BadInputException("--days must be positive");
      }
      CertificateSelection sel = selection(type);
      WorkspaceStorage storage = where.storage(Origin.certs("generate", clusterId));
      Workspace ws = storage.load();
      Cluster cluster = cluster(ws, clusterId, storage);
      NodeKeyStore keys = NodeKeyStore.open(keyStore, SftpOptions.secret(keyStorePasswordFile));
      List<NodeKeyMaterial> issued = new NodeCertificateIssuer().issueAll(cluster, sel.types(),
          CLOCK.instant(), Duration.ofDays(days), ProgressListener.NONE);
      List<Node> nodes = new ArrayList<>();
      for (Node node : cluster.nodes()) {
        List<Certificate> certs = new ArrayList<>(node.certificates());
        for (NodeKeyMaterial m : issued) {
          if (m.nodeName().equals(node.name())) {
            certs.removeIf(c -> c.type() == m.type());
            certs.add(m.model());
            keys.put(m);
          }
        }
        nodes.add(node.withCertificates(certs));
      }
      // keys first: a workspace naming certificates whose keys were lost would be worse
      keys.save();
      keys.clearPassword();
      EditResult saved = storage.save(ws.withCluster(cluster.withNodes(nodes)));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        json(out, issued.stream().map(m -> Map.of("node", m.nodeName(), "type", m.type().json(),
            "sha256", m.model().sha256(), "notAfter", m.model().notAfter().toString())).toList());
      } else {
        out.println("Issued " + issued.size() + " certificates for " + cluster.nodes().size() + " nodes of "
            + clusterId + "; private keys in " + keyStore + ".");
        checked(out, saved);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code emcc certs add}: a node certificate from a PEM or DER file. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Put a node's certificate from a PEM or DER file into the workspace (replacing the one of that type).")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOptions where = new WorkspaceOptions();

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The cluster (its clusterId).")
    String clusterId;
    @Option(names = "--node", required = true, paramLabel = "NAME", description = "The node (host name or address).")
    String nodeName;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
        description = "callManager, callManagerEcdsa, tomcat, tomcatEcdsa, capf, tftp, tvs or itlRecovery.")
    String type;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "PEM or DER certificate.")
    Path file;

    @Override
    public Integer call() throws Exception {
      CertificateSelection sel = selection(type);
      if (sel.only() == null) {
        throw new BadInputException("--type must name one certificate type, not 'all'");
      }
      WorkspaceStorage storage = where.storage(Origin.certs("add", clusterId));
      Workspace ws = storage.load();
      Cluster cluster = cluster(ws, clusterId, storage);
      Node node = cluster.node(nodeName).orElseThrow(() -> new BadInputException(
          "no node '" + nodeName + "' in cluster " + clusterId));
      List<X509Certificate> read = CertificateCodec.read(file);
      if (read.size() != 1) {
        throw new BadInputException(file + ": expected one certificate, found " + read.size());
      }
      Certificate cert = CertificateCodec.toModel(read.get(0), sel.only());
      List<Certificate> certs = new ArrayList<>(node.certificates());
      certs.removeIf(c -> c.type() == sel.only());
      certs.add(cert);
      List<Node> nodes = cluster.nodes().stream()
          .map(n -> n == node ? n.withCertificates(certs) : n).toList();
      EditResult saved = storage.save(ws.withCluster(cluster.withNodes(nodes)));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Added the " + sel.only().json() + " certificate of " + node.name()
          + " (SHA-256 " + cert.sha256() + ", valid until " + cert.notAfter() + ").");
      checked(out, saved);
      return ExitCodes.OK;
    }
  }

  /** {@code emcc certs export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Bulk Certificate Export: write one PKCS12 file with the certificates of every node of the "
          + "cluster into the shared SFTP directory, and record the export in the workspace.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOptions where = new WorkspaceOptions();
    @Mixin SftpOptions sftp = new SftpOptions();

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The cluster (its clusterId).")
    String clusterId;

    @Option(names = "--type", defaultValue = "all", paramLabel = "TYPE",
        description = "Certificate Type: all (default) or one of callManager, callManagerEcdsa, tomcat, "
            + "tomcatEcdsa, capf, tftp, tvs, itlRecovery.")
    String type;

    @Option(names = "--json", description = "Print the result as JSON.") boolean json;
    @Option(names = {"-v", "--verbose"}, description = "Print each step.") boolean verbose;

    @Override
    public Integer call() throws Exception {
      CertificateSelection sel = selection(type);
      WorkspaceStorage storage = where.storage(Origin.certs("export", clusterId));
      Workspace ws = storage.load();
      Cluster cluster = cluster(ws, clusterId, storage);
      PrintWriter out = spec.commandLine().getOut();
      BulkCertificateJobs.ExportResult result = sftp.inSession((session, bundlePassword) ->
          new BulkCertificateJobs(CLOCK).export(cluster, sel, bundlePassword, session, progress(out, verbose && !json)));
      EditResult saved = storage.save(ws.withCluster(result.cluster()));
      Instant at = result.cluster().certificateExport().exportedAt();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", clusterId);
        m.put("file", result.file());
        m.put("certificates", result.certificates());
        m.put("exportedAt", at.toString());
        m.put("skipped", result.skipped().stream().map(s -> s.alias().text()).toList());
        json(out, m);
      } else {
        out.println("Exported " + result.certificates() + " certificates of " + clusterId + " (" + sel.text()
            + ") to " + sftp.target().path(result.file()) + " at " + at + ".");
        for (BulkCertificateJobs.Skipped s : result.skipped()) {
          out.println("  " + s.text(Locale.ROOT));
        }
        checked(out, saved);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code emcc certs consolidate}. */
  @Command(name = "consolidate", mixinStandardHelpOptions = true,
      description = "Bulk Certificate Consolidate: merge every cluster's export in the SFTP directory into "
          + "consolidated.p12 (needs the exports of two clusters or more).")
  static final class Consolidate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SftpOptions sftp = new SftpOptions();

    @Option(names = "--json", description = "Print the result as JSON.") boolean json;
    @Option(names = {"-v", "--verbose"}, description = "Print each step.") boolean verbose;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      BulkCertificateJobs.ConsolidateResult result = sftp.inSession((session, bundlePassword) ->
          new BulkCertificateJobs(CLOCK).consolidate(bundlePassword, session, progress(out, verbose && !json)));
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", result.file());
        m.put("sources", result.sources());
        m.put("clusters", result.clusters());
        m.put("certificates", result.certificates());
        m.put("files", result.reports().stream().map(CertsCommand::report).toList());
        m.put("replaced", result.replaced().stream().map(r -> Map.of("alias", r.alias().text(),
            "earlierFile", r.earlierFile(), "laterFile", r.laterFile())).toList());
        json(out, m);
      } else {
        out.println("Consolidated " + result.certificates() + " certificates of " + result.clusters().size()
            + " clusters (" + String.join(", ", result.clusters()) + ") into " + sftp.target().path(result.file()) + ".");
        result.lines(Locale.ROOT, verbose).forEach(line -> out.println("  " + line));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code emcc certs import}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Bulk Certificate Import: read consolidated.p12 and put the other clusters' certificates into "
          + "this cluster's trust stores (CAPF: CallManager-trust; Tomcat: Tomcat-trust; CallManager: "
          + "CallManager-trust and Phone-SAST-trust; ITLRecovery: Phone-SAST-trust and CallManager-trust). "
          + "Lists the phones that will restart.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOptions where = new WorkspaceOptions();
    @Mixin SftpOptions sftp = new SftpOptions();

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The cluster (its clusterId).")
    String clusterId;
    @Option(names = "--json", description = "Print the result as JSON.") boolean json;
    @Option(names = {"-v", "--verbose"}, description = "Print each step and every restarting phone.") boolean verbose;

    @Override
    public Integer call() throws Exception {
      WorkspaceStorage storage = where.storage(Origin.certs("import", clusterId));
      Workspace ws = storage.load();
      Cluster cluster = cluster(ws, clusterId, storage);
      PrintWriter out = spec.commandLine().getOut();
      BulkCertificateJobs.ImportResult result = sftp.inSession((session, bundlePassword) ->
          new BulkCertificateJobs(CLOCK).importInto(cluster, bundlePassword, session, progress(out, verbose && !json)));
      EditResult saved = storage.save(ws.withCluster(result.cluster()));
      TrustImport.Result trust = result.trust();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", clusterId);
        m.put("added", trust.added().stream().map(a -> a.text()).toList());
        m.put("alreadyTrusted", trust.alreadyTrusted());
        m.put("ownSkipped", trust.ownSkipped().size());
        m.put("notMapped", trust.notMapped().stream().map(a -> a.text()).toList());
        m.put("restarts", trust.restarts().stream().map(r -> Map.of("phone", r.phone(),
            "reasons", r.reasons().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).sorted().toList())).toList());
        m.put("staleExports", result.staleExports());
        m.put("file", report(result.report()));
        m.put("trustStores", result.cluster().trustStores());
        json(out, m);
      } else {
        out.println("Imported " + trust.added().size() + " certificates into the trust stores of " + clusterId
            + " (" + trust.alreadyTrusted() + " already trusted, " + trust.ownSkipped().size() + " of its own skipped).");
        result.report().lines(Locale.ROOT, verbose).forEach(line -> out.println("  " + line));
        out.println(trust.restarts().size() + " of " + cluster.phones().size() + " phones will restart.");
        if (verbose) {
          trust.restarts().forEach(r -> out.println("  " + r.phone() + " " + r.reasons()));
        }
        for (String stale : result.staleExports()) {
          out.println("  warning: " + stale + " is newer than the consolidated file: consolidate again");
        }
        checked(out, saved);
      }
      return ExitCodes.OK;
    }
  }
}
