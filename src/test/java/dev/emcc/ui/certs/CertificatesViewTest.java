package dev.emcc.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.CertificateCodec;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.NodeCertificateIssuer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Certificates window: reached from the checklist, Generate, Import from a file, trust and what is missing. */
@ExtendWith(ApplicationExtension.class)
class CertificatesViewTest {
  @TempDir Path home;
  private ConsoleModel model;
  private UiContext ctx;
  private Shell shell;

  @Start
  void start(Stage stage) {
    Themes.LIGHT.apply();
    model = new ConsoleModel();
    model.load(DemoWorkspace.create());
    ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
  }

  private CertificatesView view(FxRobot robot) {
    CertificatesView[] v = new CertificatesView[1];
    robot.interact(() -> {
      v[0] = new CertificatesView(ctx, shell, CertsHome.in(home, home.resolve("known_hosts")), Clock.systemUTC());
      Stage s = new Stage();
      s.setScene(new Scene((javafx.scene.Parent) v[0].node(), 1200, 760));
      s.show();
    });
    return v[0];
  }

  @Test
  void checklistStepThreeOpensTheCertificatesWindow(FxRobot robot) {
    robot.interact(() -> shell.open("checklist"));
    Hyperlink link = robot.lookup((javafx.scene.Node n) -> n instanceof Hyperlink h && h.getText().equals("Certificates"))
        .queryAs(Hyperlink.class);
    robot.interact(link::fire);
    assertThat(shell.current()).isEqualTo("certificates");
    assertThat(robot.lookup("#certificates-view").tryQuery()).isPresent();
  }

  @Test
  void generateIssuesOffTheFxThreadKeepsTheKeyAndCommits(FxRobot robot) throws Exception {
    CertificatesView v = view(robot);
    Node first = ctx.cluster().nodes().get(0);
    String before = sha(first.name(), CertificateType.TOMCAT_ECDSA);
    robot.interact(() -> {
      robot.lookup("#cert-node").queryAs(ComboBox.class).setValue(first.name());
      ((ComboBox<CertificateSelection>) robot.lookup("#cert-type").queryAs(ComboBox.class))
          .setValue(new CertificateSelection(CertificateType.TOMCAT_ECDSA));
      robot.lookup("#cert-generate").queryAs(Button.class).fire();
    });
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#cert-message").queryAs(Label.class)
        .getText().startsWith("Generated 1 certificates"));
    String after = sha(first.name(), CertificateType.TOMCAT_ECDSA);
    assertThat(after).isNotNull().isNotEqualTo(before);
    NodeKeyMaterial kept = CertsHome.in(home, home.resolve("known_hosts")).openKeys()
        .get(DemoWorkspace.TOKYO, first.name(), CertificateType.TOMCAT_ECDSA).orElseThrow();
    assertThat(kept.model().sha256()).isEqualTo(after);
    assertThat(model.canUndoProperty().get()).isTrue();
    assertThat(v.node()).isNotNull();
  }

  @Test
  void importFromFileReplacesTheNodesCertificateOfThatType(FxRobot robot) throws Exception {
    CertificatesView v = view(robot);
    Node node = ctx.cluster().nodes().get(1);
    NodeKeyMaterial m = new NodeCertificateIssuer().issue(DemoWorkspace.TOKYO, node, CertificateType.TOMCAT_ECDSA,
        Instant.now(), Duration.ofDays(30));
    Path pem = home.resolve("tomcat.pem");
    Files.writeString(pem, CertificateCodec.toPem(m.certificate()));
    robot.interact(() -> v.importFile(pem.toFile(), DemoWorkspace.TOKYO, node.name(), CertificateType.TOMCAT));
    assertThat(sha(node.name(), CertificateType.TOMCAT)).isEqualTo(m.model().sha256());
    assertThat(robot.lookup("#cert-message").queryAs(Label.class).getText()).startsWith("Imported");
    Path junk = home.resolve("junk.pem");
    Files.writeString(junk, "not a certificate");
    robot.interact(() -> v.importFile(junk.toFile(), DemoWorkspace.TOKYO, node.name(), CertificateType.TOMCAT));
    assertThat(robot.lookup("#cert-message").queryAs(Label.class).getText()).startsWith("Failed");
    assertThat(sha(node.name(), CertificateType.TOMCAT)).isEqualTo(m.model().sha256());
  }

  @Test
  void aRemoteCertificateMissingFromTheTrustStoreIsFlagged(FxRobot robot) {
    CertificatesView v = view(robot);
    Workspace ws = model.workspace();
    Cluster tokyo = ws.cluster(DemoWorkspace.TOKYO).orElseThrow();
    assertThat(CertificatesModel.missing(ws, tokyo)).isEmpty();
    Certificate osakaTomcat = ws.cluster(DemoWorkspace.OSAKA).orElseThrow().nodes().get(0).certificates().stream()
        .filter(c -> c.type() == CertificateType.TOMCAT).findFirst().orElseThrow();
    robot.interact(() -> model.commit(ws.updateCluster(DemoWorkspace.TOKYO, c -> c.withTrustStores(
        c.trustStores().withTomcatTrust(c.trustStores().tomcatTrust().stream()
            .filter(s -> !s.equals(osakaTomcat.sha256())).toList()))), "drop one"));
    List<CertificatesModel.Missing> missing = CertificatesModel.missing(model.workspace(), ctx.cluster());
    assertThat(missing).singleElement().satisfies(x -> {
      assertThat(x.store()).isEqualTo("tomcatTrust");
      assertThat(x.sha256()).isEqualTo(osakaTomcat.sha256());
    });
    VBox box = robot.lookup("#trust-missing").queryAs(VBox.class);
    assertThat(((Label) box.getChildren().get(0)).getText()).startsWith("tomcatTrust lacks the tomcat certificate of OSAKA")
        .contains("(208)");
    assertThat(v.node()).isNotNull();
  }

  @Test
  void expiryIsJudgedAgainstNow() {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    Certificate expired = new Certificate(CertificateType.TOMCAT, "CN=x", "AA", now.minusSeconds(99999), now.minusSeconds(1), null);
    Certificate soon = new Certificate(CertificateType.TOMCAT, "CN=x", "AA", now.minusSeconds(99999), now.plus(Duration.ofDays(10)), null);
    Certificate fine = new Certificate(CertificateType.TOMCAT, "CN=x", "AA", now.minusSeconds(99999), now.plus(Duration.ofDays(300)), null);
    assertThat(CertificatesModel.state(expired, now)).isEqualTo("expired");
    assertThat(CertificatesModel.state(soon, now)).isEqualTo("soon");
    assertThat(CertificatesModel.state(fine, now)).isEqualTo("valid");
  }

  private String sha(String node, CertificateType type) {
    return model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().node(node).orElseThrow().certificates()
        .stream().filter(c -> c.type() == type).map(Certificate::sha256).findFirst().orElse(null);
  }
}
