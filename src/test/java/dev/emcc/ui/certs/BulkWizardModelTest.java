package dev.emcc.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.app.Main;
import dev.emcc.certs.BulkFiles;
import dev.emcc.certs.CertificateTransferException;
import dev.emcc.certs.ProgressListener;
import dev.emcc.certs.TrainerSftpServer;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.ui.certs.BulkWizardModel.Input;
import dev.emcc.ui.certs.BulkWizardModel.Kind;
import dev.emcc.ui.certs.BulkWizardModel.Need;
import dev.emcc.ui.certs.BulkWizardModel.Page;
import dev.emcc.ui.kit.I18n;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bulk certificate wizards' model without a screen, against a real SFTP server on 127.0.0.1:
 * the first page names its job, Next says what it waits for next to the field (never a URL the
 * user did not type), and the bulk certificate password left empty is the SFTP password, as for
 * {@code emcc certs}: files the command line exported open in the console's consolidation.
 */
class BulkWizardModelTest {
  private static Path serverRoot;
  private static TrainerSftpServer server;
  private static Workspace withCerts;

  @TempDir Path home;

  @BeforeAll
  static void startServerAndIssue() throws Exception {
    serverRoot = Files.createTempDirectory("emcc-wizard-model-sftp");
    server = TrainerSftpServer.start(new TrainerSftpServer.Config(serverRoot, "127.0.0.1", 0, "trainer", null, false));
    withCerts = CertifiedDemo.create();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private BulkWizardModel model(Kind kind, Locale lang) {
    return new BulkWizardModel(kind, () -> withCerts, DemoWorkspace.TOKYO, CertsHome.in(home, home.resolve("known_hosts")),
        new I18n(lang), Clock.systemUTC());
  }

  private static String inputs(List<Need> needs) {
    return needs.stream().map(n -> n.input().name()).toList().toString();
  }

  @Test
  void theFirstPageSaysWhichJobItIs() {
    for (Locale lang : List.of(I18n.ENGLISH, I18n.JAPANESE)) {
      BulkWizardModel export = model(Kind.EXPORT, lang);
      BulkWizardModel imp = model(Kind.IMPORT, lang);
      BulkWizardModel consolidate = model(Kind.CONSOLIDATE, lang);
      assertThat(export.pages().get(0)).isEqualTo(Page.CLUSTER);
      assertThat(imp.pages().get(0)).isEqualTo(Page.CLUSTER);
      assertThat(consolidate.pages().get(0)).isEqualTo(Page.SFTP);
      assertThat(List.of(export.intro(), imp.intro(), consolidate.intro())).doesNotHaveDuplicates()
          .allSatisfy(t -> assertThat(t).isNotBlank().doesNotStartWith("wizard."));
      assertThat(List.of(export.title(), imp.title(), consolidate.title())).doesNotHaveDuplicates();
    }
    assertThat(model(Kind.EXPORT, I18n.ENGLISH).intro()).startsWith("Export writes");
    assertThat(model(Kind.IMPORT, I18n.ENGLISH).intro()).startsWith("Import reads");
    assertThat(model(Kind.EXPORT, I18n.JAPANESE).intro()).startsWith("エクスポートでは");
    assertThat(model(Kind.IMPORT, I18n.JAPANESE).intro()).startsWith("インポートでは");
  }

  @Test
  void nextSaysWhatItWaitsForNextToTheFieldAndNeverSpeaksOfAUrl() {
    BulkWizardModel m = model(Kind.EXPORT, I18n.ENGLISH);
    assertThat(m.needs(Page.CLUSTER)).isEmpty();
    m.setCluster(null);
    assertThat(m.needs(Page.CLUSTER)).extracting(Need::text).containsExactly("Choose a cluster.");
    // the SFTP page as it opens: the address, the user and the password are asked for, by name
    assertThat(inputs(m.needs(Page.SFTP))).isEqualTo("[HOST, USER, PASSWORD]");
    assertThat(m.needs(Page.SFTP)).extracting(Need::text).containsExactly(
        "Enter the SFTP server’s IP address or host name.", "Enter the user ID of the SFTP account.",
        "Enter the password of the SFTP account.")
        .noneSatisfy(t -> assertThat(t).containsIgnoringCase("url"))
        .noneSatisfy(t -> assertThat(t).contains("sftp://"));
    assertThat(m.whereText()).isEmpty();
    m.setHost("127.0.0.1");
    m.setPort("twenty-two");
    assertThat(m.needs(Page.SFTP)).extracting(Need::input).containsExactly(Input.PORT, Input.USER, Input.PASSWORD);
    assertThat(m.needs(Page.SFTP).get(0).text()).isEqualTo("The port must be a number from 1 to 65535.");
    m.setPort("2222");
    m.setUser("trainer");
    m.setDirectory("/bulk");
    m.setPassword("secret");
    // the bulk certificate password may stay empty: the SFTP password protects the files
    assertThat(m.needs(Page.SFTP)).isEmpty();
    assertThat(m.whereText()).isEqualTo("The files are in sftp://trainer@127.0.0.1:2222/bulk.");

    BulkWizardModel ja = model(Kind.IMPORT, I18n.JAPANESE);
    assertThat(ja.needs(Page.SFTP)).extracting(Need::text).containsExactly(
        "SFTP サーバの IP アドレスまたはホスト名を入力してください。", "SFTP アカウントのユーザ ID を入力してください。",
        "SFTP アカウントのパスワードを入力してください。");
  }

  @Test
  void anEmptyBulkPasswordIsTheSftpPasswordAsForTheCommandLine() throws Exception {
    Path dir = Files.createDirectories(serverRoot.resolve("agree"));
    Path ws = home.resolve("ws.json");
    WorkspaceFormat.write(withCerts, ws);
    Path passwordFile = Files.writeString(home.resolve("sftp-password"), new String(server.password()) + "\n");
    String url = "sftp://trainer@127.0.0.1:" + server.port() + "/agree";
    // emcc certs export, no --bundle-password-file: the files are protected by the SFTP password
    for (String cluster : List.of(DemoWorkspace.TOKYO, DemoWorkspace.OSAKA)) {
      CommandLine cli = Main.commandLine();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(err, true));
      assertThat(cli.execute("certs", "export", "--cluster", cluster, "--workspace", ws.toString(), "--sftp", url,
          "--password-file", passwordFile.toString(), "--known-hosts", home.resolve("cli_known_hosts").toString(),
          "--accept-host-key", server.hostKeyFingerprint())).as(err.toString()).isZero();
    }
    assertThat(dir.resolve(BulkFiles.exportFile(DemoWorkspace.TOKYO))).exists();

    // the console's consolidation, the bulk certificate password left empty, opens them
    BulkWizardModel consolidate = sftp(model(Kind.CONSOLIDATE, I18n.ENGLISH), "/agree");
    assertThat(consolidate.needs(Page.SFTP)).isEmpty();
    assertThatThrownBy(() -> consolidate.connect(null)).isInstanceOfSatisfying(CertificateTransferException.class,
        x -> assertThat(x.reason()).isEqualTo(CertificateTransferException.Reason.HOST_KEY_UNKNOWN));
    assertThat(consolidate.connect(server.hostKeyFingerprint())).isEqualTo(server.hostKeyFingerprint());
    assertThat(consolidate.exportFileNames()).containsExactlyInAnyOrder("TOKYO.export.p12", "OSAKA.export.p12");
    assertThat(consolidate.summary().text()).isEqualTo("Consolidate the 2 export files into consolidated.p12 in "
        + "sftp://trainer@127.0.0.1:" + server.port() + "/agree.");
    List<String> lines = new ArrayList<>();
    consolidate.run(ProgressListener.NONE, lines::add);
    assertThat(lines).isNotEmpty();
    assertThat(consolidate.report().text()).startsWith("Wrote consolidated.p12 with ");
    assertThat(consolidate.changeText()).isNull();

    // and the console's import, in Japanese, with the password typed twice instead
    BulkWizardModel imp = sftp(model(Kind.IMPORT, I18n.JAPANESE), "/agree");
    imp.setBundlePassword(new String(server.password()));
    assertThat(imp.connect(null)).isNull(); // the host key is pinned now
    BulkWizardModel.Summary summary = imp.summary();
    assertThat(summary.text()).startsWith("TOKYO へのインポート: 追加する証明書 ");
    assertThat(summary.details()).anySatisfy(d -> assertThat(d).startsWith("OSAKA/").contains(" を ").endsWith("に追加"));
    imp.run(ProgressListener.NONE, l -> { });
    Workspace after = imp.applyTo(withCerts);
    Cluster osaka = withCerts.cluster(DemoWorkspace.OSAKA).orElseThrow();
    String osakaTomcat = osaka.nodes().get(0).certificates().stream()
        .filter(c -> c.type() == CertificateType.TOMCAT_ECDSA).findFirst().orElseThrow().sha256();
    assertThat(after.cluster(DemoWorkspace.TOKYO).orElseThrow().trustStores().tomcatTrust()).contains(osakaTomcat);
    assertThat(imp.changeText()).startsWith("TOKYO の信頼ストアに ");

    // a wrong bulk password is said in the user's language
    BulkWizardModel wrong = sftp(model(Kind.IMPORT, I18n.ENGLISH), "/agree");
    wrong.setBundlePassword("not-the-password");
    assertThatThrownBy(() -> wrong.connect(null)).satisfies(t -> assertThat(wrong.failure(t)).isNotBlank()
        .doesNotContain("wizard."));
  }

  private static BulkWizardModel sftp(BulkWizardModel m, String dir) {
    m.setHost("127.0.0.1");
    m.setPort(String.valueOf(server.port()));
    m.setUser("trainer");
    m.setDirectory(dir);
    m.setPassword(new String(server.password()));
    return m;
  }
}
