package dev.emcc.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.BulkFiles;
import dev.emcc.certs.TrainerSftpServer;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.controlsfx.dialog.Wizard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three wizards end to end against a real SFTP server on 127.0.0.1: both demo clusters get
 * real (EC, for speed) certificates, export, consolidate and import; afterwards each cluster's
 * trust stores hold the other's certificates, the change is undoable, and failures show in the
 * wizard in the UI's language.
 */
@ExtendWith(ApplicationExtension.class)
class BulkWizardsTest {
  private static final List<CertificateType> TYPES = CertifiedDemo.TYPES;
  private static final String PASSWORD = "trainer-secret";
  private static Path serverRoot;
  private static TrainerSftpServer server;
  private static Workspace withCerts;

  @TempDir Path home;
  private ConsoleModel model;
  private UiContext ctx;
  private Shell shell;

  /** Real certificates for every node of both clusters, made once (key generation is slow under load). */
  @BeforeAll
  static void startServerAndIssue() throws IOException {
    serverRoot = Files.createTempDirectory("emcc-wizards-sftp");
    server = TrainerSftpServer.start(new TrainerSftpServer.Config(serverRoot, "127.0.0.1", 0, "emcc",
        PASSWORD.toCharArray(), false));
    withCerts = CertifiedDemo.create();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Start
  void start(Stage stage) {
    Themes.LIGHT.apply();
    model = new ConsoleModel();
    model.load(withCerts);
    ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
  }

  private CertsHome certsHome() {
    return CertsHome.in(home, home.resolve("known_hosts"));
  }

  @Test
  void exportConsolidateImportPutsTheOtherClustersCertificatesIntoTheTrustStores(FxRobot robot) throws Exception {
    Files.createDirectories(serverRoot.resolve("e2e"));
    for (String cluster : List.of(DemoWorkspace.TOKYO, DemoWorkspace.OSAKA)) {
      Wizard w = open(robot, () -> BulkWizards.export(ctx, certsHome()));
      robot.interact(() -> ((javafx.scene.control.ComboBox<String>) find(robot, "#wizard-cluster")).setValue(cluster));
      next(robot, w); // cluster
      next(robot, w); // type: All
      fillSftp(robot, "/e2e", PASSWORD);
      next(robot, w);
      if (cluster.equals(DemoWorkspace.TOKYO)) {
        confirmHostKeyOnFirstUse(robot, w); // later wizards find the key pinned in known_hosts
      }
      next(robot, w); // host key page
      assertThat(text(robot, "#summary-text")).contains(cluster).contains(BulkFiles.exportFile(cluster));
      next(robot, w); // summary: act
      waitUntil(() -> !nextButton(w).isDisabled());
      next(robot, w);
      int expected = model.workspace().cluster(cluster).orElseThrow().nodes().size() * TYPES.size();
      assertThat(text(robot, "#report-text")).contains("Exported " + expected + " certificates");
      finish(robot, w);
      assertThat(serverRoot.resolve("e2e").resolve(BulkFiles.exportFile(cluster))).exists();
      assertThat(model.workspace().cluster(cluster).orElseThrow().certificateExport()).isNotNull();
    }

    Wizard c = open(robot, () -> BulkWizards.consolidate(ctx, certsHome()));
    fillSftp(robot, "/e2e", PASSWORD);
    next(robot, c);
    waitUntil(() -> !nextButton(c).isDisabled());
    assertThat(robot.lookup("#export-files").queryAs(ListView.class).getItems())
        .containsExactlyInAnyOrder("TOKYO.export.p12", "OSAKA.export.p12");
    next(robot, c);
    next(robot, c);
    waitUntil(() -> !nextButton(c).isDisabled());
    next(robot, c);
    assertThat(text(robot, "#report-text")).contains(BulkFiles.CONSOLIDATED).contains("TOKYO").contains("OSAKA");
    // per file what was taken and what was left
    assertThat(robot.lookup("#report-details").queryAs(ListView.class).getItems())
        .anySatisfy(l -> assertThat(l.toString()).startsWith("TOKYO.export.p12: took ").endsWith("(TOKYO), left 0 entries"))
        .anySatisfy(l -> assertThat(l.toString()).startsWith("  took TOKYO/"));
    finish(robot, c);
    assertThat(serverRoot.resolve("e2e").resolve(BulkFiles.CONSOLIDATED)).exists();

    TrustStores before = model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().trustStores();
    Wizard i = open(robot, () -> BulkWizards.importInto(ctx, certsHome()));
    robot.interact(() -> ((javafx.scene.control.ComboBox<String>) find(robot, "#wizard-cluster")).setValue(DemoWorkspace.TOKYO));
    next(robot, i);
    fillSftp(robot, "/e2e", PASSWORD);
    next(robot, i);
    waitUntil(() -> !nextButton(i).isDisabled());
    next(robot, i);
    // before confirming: what is added and which phones restart; nothing applied yet
    List<?> details = robot.lookup("#summary-details").queryAs(ListView.class).getItems();
    Cluster osaka = model.workspace().cluster(DemoWorkspace.OSAKA).orElseThrow();
    String osakaNode = osaka.nodes().get(0).name();
    assertThat(details).anySatisfy(d -> assertThat(d.toString())
        .isEqualTo("Add OSAKA/" + osakaNode + "/tomcatEcdsa to tomcatTrust"));
    assertThat(details).anySatisfy(d -> assertThat(d.toString()).startsWith("Phone ").contains("will restart"));
    assertThat(text(robot, "#summary-warning")).contains("restart automatically");
    assertThat(model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().trustStores()).isEqualTo(before);
    next(robot, i);
    waitUntil(() -> !nextButton(i).isDisabled());
    next(robot, i);
    finish(robot, i);

    TrustStores after = model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().trustStores();
    for (Node n : osaka.nodes()) {
      for (Certificate cert : n.certificates()) {
        if (cert.type() == CertificateType.TOMCAT_ECDSA) {
          assertThat(after.tomcatTrust()).contains(cert.sha256());
        } else {
          assertThat(after.callManagerTrust()).contains(cert.sha256());
          assertThat(after.phoneSastTrust()).contains(cert.sha256());
        }
      }
    }
    // the Certificates window names the owner of each trusted fingerprint
    robot.interact(() -> {
      model.clusterIdProperty().set(DemoWorkspace.TOKYO);
      shell.open("certificates");
    });
    List<CertificatesModel.TrustRow> rows = CertificatesModel.trustRows(model.workspace(),
        model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow());
    assertThat(rows).anySatisfy(r -> assertThat(r.owner()).isEqualTo("OSAKA / " + osakaNode + " / tomcatEcdsa"));
    assertThat(robot.lookup("#trust-table").queryAs(javafx.scene.control.TableView.class).getItems()).hasSameSizeAs(rows);
    // applied through the model: undoable
    robot.interact(() -> model.undo());
    assertThat(model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().trustStores()).isEqualTo(before);
  }

  @Test
  void nextSaysWhatItWaitsForUnderTheFieldAndTheFirstPageNamesTheJob(FxRobot robot) throws Exception {
    Wizard w = open(robot, () -> BulkWizards.importInto(ctx, certsHome()));
    assertThat(text(robot, "#wizard-intro")).startsWith("Import reads the consolidated file");
    assertThat(w.getDialog().getDialogPane().getHeaderText()).isEqualTo("Bulk Certificate Import: Cluster");
    next(robot, w);
    assertThat(nextButton(w).isDisabled()).isTrue();
    Label host = robot.lookup("#need-sftp-host").queryAs(Label.class);
    assertThat(host.isVisible()).isTrue();
    assertThat(host.getText()).isEqualTo("Enter the SFTP server’s IP address or host name.");
    assertThat(robot.lookup("#need-sftp-user").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#need-sftp-password").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#need-bundle-password").queryAs(Label.class).isVisible()).isFalse();
    assertThat(text(robot, "#sftp-where")).isEmpty();
    robot.interact(() -> ((TextInputControl) find(robot, "#sftp-host")).setText(server.host()));
    assertThat(host.isVisible()).isFalse();
    fillSftp(robot, "/e2e", PASSWORD);
    robot.interact(() -> ((TextInputControl) find(robot, "#bundle-password")).setText(""));
    // the bulk certificate password may stay empty: the SFTP password protects the files
    assertThat(nextButton(w).isDisabled()).isFalse();
    assertThat(text(robot, "#sftp-where")).contains("sftp://emcc@" + server.host());
    robot.interact(() -> w.getDialog().close());
  }

  @Test
  void wrongPasswordIsShownInTheWizardInJapanese(FxRobot robot) throws Exception {
    robot.interact(() -> ctx.i18n().setLocale(I18n.JAPANESE));
    Files.createDirectories(serverRoot.resolve("wrong"));
    Wizard w = open(robot, () -> BulkWizards.consolidate(ctx, certsHome()));
    fillSftp(robot, "/wrong", "not-the-password");
    next(robot, w);
    confirmHostKeyOnFirstUse(robot, w);
    waitUntil(() -> text(robot, "#connect-status").contains("emcc"));
    String expected = new dev.emcc.certs.CertificateTransferException(
        dev.emcc.certs.CertificateTransferException.Reason.WRONG_CREDENTIALS, null, "emcc",
        server.host() + ":" + server.port()).text(Locale.JAPANESE);
    assertThat(text(robot, "#connect-status")).isEqualTo(expected).doesNotContain("refused user");
    assertThat(nextButton(w).isDisabled()).isTrue();
    robot.interact(() -> w.getDialog().close());
  }

  @Test
  void consolidateRefusesWithFewerThanTwoExports(FxRobot robot) throws Exception {
    Files.createDirectories(serverRoot.resolve("few"));
    Files.write(serverRoot.resolve("few").resolve("TOKYO.export.p12"), new byte[] {1, 2, 3});
    Wizard w = open(robot, () -> BulkWizards.consolidate(ctx, certsHome()));
    fillSftp(robot, "/few", PASSWORD);
    next(robot, w);
    confirmHostKeyOnFirstUse(robot, w);
    waitUntil(() -> text(robot, "#connect-status").contains("at least two"));
    assertThat(robot.lookup("#export-files").queryAs(ListView.class).getItems()).containsExactly("TOKYO.export.p12");
    assertThat(nextButton(w).isDisabled()).isTrue();
    robot.interact(() -> w.getDialog().close());
  }

  // --- driving a wizard ---------------------------------------------------------------------------

  private Wizard open(FxRobot robot, java.util.function.Supplier<Wizard> make) {
    Wizard[] w = new Wizard[1];
    robot.interact(() -> {
      w[0] = make.get();
      w[0].getDialog().show();
    });
    return w[0];
  }

  private static javafx.scene.Node find(FxRobot robot, String id) {
    return robot.lookup(id).query();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  private void fillSftp(FxRobot robot, String dir, String password) {
    robot.interact(() -> {
      ((TextInputControl) find(robot, "#sftp-host")).setText(server.host());
      ((TextInputControl) find(robot, "#sftp-port")).setText(String.valueOf(server.port()));
      ((TextInputControl) find(robot, "#sftp-user")).setText("emcc");
      ((TextInputControl) find(robot, "#sftp-directory")).setText(dir);
      ((TextInputControl) find(robot, "#sftp-password")).setText(password);
      ((TextInputControl) find(robot, "#bundle-password")).setText("bundle-secret");
    });
  }

  /** The first connection stops at the host key: it must be the server's, and is trusted on a tick. */
  private void confirmHostKeyOnFirstUse(FxRobot robot, Wizard w) throws TimeoutException {
    waitUntil(() -> robot.lookup("#host-trust").queryAs(CheckBox.class).isVisible()
        && !robot.lookup("#host-trust").queryAs(CheckBox.class).isDisabled());
    assertThat(text(robot, "#host-fingerprint")).isEqualTo(server.hostKeyFingerprint());
    assertThat(nextButton(w).isDisabled()).isTrue();
    robot.interact(() -> robot.lookup("#host-trust").queryAs(CheckBox.class).setSelected(true));
    waitUntil(() -> !text(robot, "#connect-status").contains("…"));
  }

  private static Button button(Wizard w, java.util.function.Predicate<ButtonType> which) {
    DialogPane pane = w.getDialog().getDialogPane();
    ButtonType t = pane.getButtonTypes().stream().filter(which).findFirst().orElseThrow();
    return (Button) pane.lookupButton(t);
  }

  private static Button nextButton(Wizard w) {
    return button(w, b -> b.getButtonData() == ButtonBar.ButtonData.NEXT_FORWARD);
  }

  private static void next(FxRobot robot, Wizard w) throws TimeoutException {
    waitUntil(() -> !nextButton(w).isDisabled());
    robot.interact(() -> nextButton(w).fire());
  }

  /** Finish is looked up by type: ControlsFX labels it "Finish " with a trailing space. */
  private static void finish(FxRobot robot, Wizard w) throws TimeoutException {
    waitUntil(() -> !button(w, b -> b == ButtonType.FINISH).isDisabled());
    robot.interact(() -> button(w, b -> b == ButtonType.FINISH).fire());
    waitUntil(() -> !w.getDialog().isShowing());
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      WaitForAsyncUtils.waitForFxEvents();
      return condition.call();
    });
  }
}
