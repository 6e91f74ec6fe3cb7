package dev.emcc.ui.certs;

import dev.emcc.certs.BulkCertificateJobs;
import dev.emcc.certs.BulkCertificateJobs.ConsolidateResult;
import dev.emcc.certs.BulkCertificateJobs.ExportResult;
import dev.emcc.certs.BulkCertificateJobs.ImportResult;
import dev.emcc.certs.BulkFiles;
import dev.emcc.certs.BundleAlias;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.CertificateTransferException;
import dev.emcc.certs.CertificateTransferException.Reason;
import dev.emcc.certs.ProgressListener;
import dev.emcc.certs.SftpCredentials;
import dev.emcc.certs.SftpSession;
import dev.emcc.certs.SftpTarget;
import dev.emcc.certs.TrustImport;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.ui.kit.TextSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a Bulk Certificate Management wizard knows and does, without a screen: its pages, the
 * user's choices, what each page still needs before Next (said next to the field), the host key
 * check, what the job will do, the job itself and its report. {@link BulkWizard} shows it.
 *
 * <p>The bulk certificate password may be left empty: then the SFTP password protects the files,
 * as {@code emcc certs} does ({@link BulkFiles#bundlePassword}).
 */
public final class BulkWizardModel {
  /** The three jobs, in the order the seed runs them. */
  public enum Kind {
    EXPORT, CONSOLIDATE, IMPORT;

    /** The id in message keys and screenshot ids ("export", ...). */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A wizard's pages. */
  public enum Page { CLUSTER, TYPE, SFTP, CONNECT, SUMMARY, ACTION, REPORT }

  /** The values a user enters. */
  public enum Input { CLUSTER, TYPE, HOST, PORT, USER, DIRECTORY, PASSWORD, BUNDLE_PASSWORD }

  /** The page where an input is entered. */
  public static Page pageOf(Input input) {
    return switch (input) {
      case CLUSTER -> Page.CLUSTER;
      case TYPE -> Page.TYPE;
      default -> Page.SFTP;
    };
  }

  /** What an input still needs before Next: shown next to it. */
  public record Need(Input input, String text) {}

  /** What the job will do, shown before it runs. */
  public record Summary(String text, List<String> details, String warning) {}

  /** What the job did. */
  public record Report(String text, List<String> details) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Kind kind;
  private final Supplier<Workspace> workspace;
  private final CertsHome home;
  private final TextSource texts;
  private final BulkCertificateJobs jobs;

  private String cluster;
  private CertificateSelection type = CertificateSelection.ALL;
  private String host = "";
  private String port = String.valueOf(SftpTarget.DEFAULT_PORT);
  private String user = "";
  private String directory = "";
  private char[] password = new char[0];
  private char[] bundlePassword = new char[0];

  /** What the connection found: the export files (Consolidate), the trust changes (Import). */
  private volatile List<SftpSession.RemoteEntry> exportFiles = List.of();
  private volatile ImportResult preview;
  private volatile Object outcome;

  public BulkWizardModel(Kind kind, Supplier<Workspace> workspace, String clusterShown, CertsHome home,
      TextSource texts, Clock clock) {
    this.kind = kind;
    this.workspace = workspace;
    this.home = home;
    this.texts = texts;
    this.jobs = new BulkCertificateJobs(clock);
    this.cluster = clusterShown;
  }

  public Kind kind() {
    return kind;
  }

  /** The pages in order: Consolidate has no cluster (it takes every export), only Export a type. */
  public List<Page> pages() {
    List<Page> out = new ArrayList<>();
    if (kind != Kind.CONSOLIDATE) {
      out.add(Page.CLUSTER);
    }
    if (kind == Kind.EXPORT) {
      out.add(Page.TYPE);
    }
    out.addAll(List.of(Page.SFTP, Page.CONNECT, Page.SUMMARY, Page.ACTION, Page.REPORT));
    return out;
  }

  public String title() {
    return texts.text("wizard." + kind.id() + ".title");
  }

  /** Which job this is and where it stands among the three: the first page says it. */
  public String intro() {
    return texts.text("wizard." + kind.id() + ".intro");
  }

  // --- choices ----------------------------------------------------------------------------------

  public List<String> clusters() {
    return workspace.get().clusters().stream().map(Cluster::clusterId).toList();
  }

  public String cluster() {
    return cluster;
  }

  public void setCluster(String clusterId) {
    cluster = clusterId;
  }

  public List<CertificateSelection> types() {
    return CertificatesModel.selections();
  }

  public CertificateSelection type() {
    return type;
  }

  public void setType(CertificateSelection t) {
    type = t;
  }

  /** A type as the list shows it. */
  public String typeText(CertificateSelection s) {
    return s == null ? "" : s.only() == null ? texts.text("certs.type.all") : s.only().json();
  }

  public String port() {
    return port;
  }

  public void setHost(String s) {
    host = s == null ? "" : s.strip();
  }

  public void setPort(String s) {
    port = s == null ? "" : s.strip();
  }

  public void setUser(String s) {
    user = s == null ? "" : s.strip();
  }

  public void setDirectory(String s) {
    directory = s == null ? "" : s.strip();
  }

  public void setPassword(CharSequence s) {
    Arrays.fill(password, '\0');
    password = chars(s);
  }

  public void setBundlePassword(CharSequence s) {
    Arrays.fill(bundlePassword, '\0');
    bundlePassword = chars(s);
  }

  private static char[] chars(CharSequence s) {
    char[] out = new char[s == null ? 0 : s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.charAt(i);
    }
    return out;
  }

  /** Forgets the passwords (the wizard closed). */
  public void wipe() {
    Arrays.fill(password, '\0');
    Arrays.fill(bundlePassword, '\0');
  }

  // --- what Next waits for ----------------------------------------------------------------------

  /** What a page still needs before Next, each said next to its input; empty: Next goes on. */
  public List<Need> needs(Page page) {
    List<Need> out = new ArrayList<>();
    switch (page) {
      case CLUSTER -> {
        if (cluster == null || workspace.get().cluster(cluster).isEmpty()) {
          out.add(new Need(Input.CLUSTER, texts.text("wizard.need.cluster")));
        }
      }
      case TYPE -> {
        if (type == null) {
          out.add(new Need(Input.TYPE, texts.text("wizard.need.type")));
        }
      }
      case SFTP -> {
        if (host.isEmpty()) {
          out.add(new Need(Input.HOST, texts.text("wizard.need.host")));
        }
        if (portNumber() < 0) {
          out.add(new Need(Input.PORT, texts.text("wizard.sftp.badPort")));
        }
        if (user.isEmpty()) {
          out.add(new Need(Input.USER, texts.text("wizard.need.user")));
        }
        if (password.length == 0) {
          out.add(new Need(Input.PASSWORD, texts.text("wizard.need.password")));
        }
      }
      default -> { }
    }
    return out;
  }

  private int portNumber() {
    try {
      int p = Integer.parseInt(port);
      return p >= 1 && p <= 65535 ? p : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Where the files go (made of what the user typed), or null while the page needs more. */
  public SftpTarget target() {
    if (host.isEmpty() || user.isEmpty() || portNumber() < 0) {
      return null;
    }
    return new SftpTarget(user, host, portNumber(), directory);
  }

  /** The SFTP page's line under the fields: where the files will be, once the fields say so. */
  public String whereText() {
    SftpTarget t = target();
    return t == null ? "" : texts.text("wizard.sftp.where", t);
  }

  /** The password of the bulk files: the one typed, else the SFTP password (a copy; the caller wipes it). */
  char[] effectiveBundlePassword() {
    return BulkFiles.bundlePassword(bundlePassword, password).clone();
  }

  // --- the SFTP server: host key and what is there --------------------------------------------------

  /**
   * Logs in and looks: the export files (Consolidate, at least two) or the trust changes the
   * import will make (Import). Returns the host key fingerprint pinned now, null when it was
   * already known; a {@link CertificateTransferException} of reason HOST_KEY_UNKNOWN carries the
   * fingerprint to show on first use, to be passed back as {@code acceptedFingerprint}.
   */
  public String connect(String acceptedFingerprint) throws Exception {
    SftpTarget where = target();
    Cluster current = currentCluster();
    char[] secret = password.clone();
    char[] bundle = effectiveBundlePassword();
    SftpCredentials credentials = SftpCredentials.password(secret);
    try (SftpSession session = SftpSession.open(where, credentials, home.hostKeys(acceptedFingerprint), TIMEOUT)) {
      if (kind == Kind.CONSOLIDATE) {
        exportFiles = session.list(BulkFiles.EXPORT_SUFFIX);
        if (exportFiles.size() < 2) {
          throw new CertificateTransferException(Reason.TOO_FEW_EXPORTS, null, exportFiles.size(), where.toString());
        }
      } else if (kind == Kind.IMPORT) {
        preview = jobs.importInto(current, bundle, session, ProgressListener.NONE);
      }
      return session.pinnedFingerprint();
    } finally {
      credentials.wipe();
      Arrays.fill(secret, '\0');
      Arrays.fill(bundle, '\0');
    }
  }

  /** The export files the connection found (Consolidate). */
  public List<String> exportFileNames() {
    return exportFiles.stream().map(SftpSession.RemoteEntry::name).toList();
  }

  /** A failure in the user's language (transfer failures have their own texts). */
  public String failure(Throwable t) {
    if (t instanceof CertificateTransferException x) {
      return x.text(texts.locale());
    }
    return texts.text("wizard.failed", String.valueOf(t.getMessage()));
  }

  private Cluster currentCluster() {
    return cluster == null ? null : workspace.get().cluster(cluster).orElse(null);
  }

  // --- summary, job, report -----------------------------------------------------------------------

  public Summary summary() {
    List<String> details = new ArrayList<>();
    SftpTarget where = target();
    return switch (kind) {
      case EXPORT -> new Summary(texts.text("wizard.export.summary", typeText(type), cluster,
          BulkFiles.exportFile(cluster), where), details, "");
      case CONSOLIDATE -> {
        details.addAll(exportFileNames());
        yield new Summary(texts.text("wizard.consolidate.summary", exportFiles.size(), BulkFiles.CONSOLIDATED,
            where), details, "");
      }
      case IMPORT -> {
        TrustImport.Result trust = preview.trust();
        for (BundleAlias a : trust.added()) {
          details.add(texts.text("wizard.import.adds", a.text(), String.join(", ", TrustImport.storesOf(a.type()))));
        }
        for (TrustImport.PhoneRestart r : trust.restarts()) {
          details.add(texts.text("wizard.import.restart", r.phone(), r.reasons().stream()
              .map(x -> texts.text("wizard.restart." + x.name())).sorted().collect(Collectors.joining(", "))));
        }
        if (!preview.staleExports().isEmpty()) {
          details.add(texts.text("wizard.import.stale", String.join(", ", preview.staleExports())));
        }
        yield new Summary(texts.text("wizard.import.summary", cluster, trust.added().size(), trust.alreadyTrusted(),
            trust.restarts().size()), details,
            trust.restarts().isEmpty() ? "" : texts.text("wizard.import.restartWarning"));
      }
    };
  }

  /** Runs the job (off the JavaFX thread); each step's line in the user's language goes to {@code lines}. */
  public Object run(ProgressListener progress, java.util.function.Consumer<String> lines) throws Exception {
    SftpTarget where = target();
    Cluster current = currentCluster();
    CertificateSelection selection = type;
    char[] secret = password.clone();
    char[] bundle = effectiveBundlePassword();
    SftpCredentials credentials = SftpCredentials.password(secret);
    ProgressListener listener = p -> {
      progress.onProgress(p);
      lines.accept(p.text(texts.locale()));
    };
    try (SftpSession session = SftpSession.open(where, credentials, home.hostKeys(null), TIMEOUT)) {
      outcome = switch (kind) {
        case EXPORT -> jobs.export(current, selection, bundle, session, listener);
        case CONSOLIDATE -> jobs.consolidate(bundle, session, listener);
        case IMPORT -> jobs.importInto(current, bundle, session, listener);
      };
      return outcome;
    } finally {
      credentials.wipe();
      Arrays.fill(secret, '\0');
      Arrays.fill(bundle, '\0');
    }
  }

  /** The workspace with the job's result (Export records the export, Import the trust); as is otherwise. */
  public Workspace applyTo(Workspace ws) {
    if (outcome instanceof ExportResult r) {
      return ws.updateCluster(cluster, c -> r.cluster());
    }
    if (outcome instanceof ImportResult r) {
      return ws.updateCluster(cluster, c -> r.trust().applyTo(c));
    }
    return ws;
  }

  /** The undo history's name for the change, null when the job changes no workspace (Consolidate). */
  public String changeText() {
    if (outcome instanceof ExportResult r) {
      return texts.text("wizard.export.done", r.certificates(), r.file());
    }
    if (outcome instanceof ImportResult r) {
      return texts.text("wizard.import.done", r.trust().added().size(), cluster);
    }
    return null;
  }

  public Report report() {
    List<String> details = new ArrayList<>();
    if (outcome instanceof ExportResult r) {
      r.skipped().forEach(s -> details.add(s.text(texts.locale())));
      return new Report(texts.text("wizard.export.done", r.certificates(), r.file()), details);
    }
    if (outcome instanceof ConsolidateResult r) {
      details.addAll(r.lines(texts.locale(), true));
      return new Report(texts.text("wizard.consolidate.done", r.file(), r.certificates(),
          String.join(", ", r.clusters())), details);
    }
    if (outcome instanceof ImportResult r) {
      r.trust().added().forEach(a -> details.add(a.text()));
      details.addAll(r.report().lines(texts.locale(), false));
      r.trust().restarts().forEach(p -> details.add(texts.text("wizard.import.restarted", p.phone())));
      return new Report(texts.text("wizard.import.done", r.trust().added().size(), cluster), details);
    }
    return new Report("", details);
  }
}
