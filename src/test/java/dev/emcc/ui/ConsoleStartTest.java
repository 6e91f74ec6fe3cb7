package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.ui.app.ConsoleApp;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.OpeningView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's real start (ConsoleApp): the first window is the light opening window, the shell
 * replaces it in the same scene, and the store's workspace arrives.
 */
class ConsoleStartTest {
  @TempDir Path dir;
  private Application app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    System.clearProperty("emcc.store");
  }

  @Test
  void opensLightThenTheShellThenTheStore() throws Exception {
    System.setProperty("emcc.store", dir.resolve("console.db").toString());
    Stage stage = FxToolkit.registerPrimaryStage();
    AtomicReference<Parent> first = new AtomicReference<>();
    FxToolkit.setupStage(s -> s.sceneProperty().addListener((o, a, scene) -> {
      if (scene != null && first.get() == null) {
        first.set(scene.getRoot());
      }
    }));
    app = FxToolkit.setupApplication(ConsoleApp.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      Node status = stage.getScene().getRoot().lookup("#status");
      return status instanceof Label l && l.getText().startsWith("Loaded") || status instanceof Label j
          && j.getText().contains("読み込みました");
    });
    Parent opening = first.get();
    assertThat(opening.getId()).isEqualTo("opening");
    // no control: a control would load the theme's stylesheet before the first paint
    assertThat(all(opening)).noneMatch(n -> n instanceof Control);
    Parent shell = stage.getScene().getRoot();
    assertThat(shell).isNotSameAs(opening);
    assertThat(shell.lookup("#menubar")).isNotNull();
    assertThat(shell.lookup("#cluster-switcher")).isNotNull();
    assertThat(stage.getTitle()).isIn("EMCC Console", "EMCC コンソール");
  }

  @Test
  void openingWindowSpeaksBothLanguages() throws Exception {
    FxToolkit.registerPrimaryStage();
    List<String> en = new ArrayList<>();
    List<String> ja = new ArrayList<>();
    WaitForAsyncUtils.asyncFx(() -> {
      texts(new OpeningView(new I18n(I18n.ENGLISH)), en);
      texts(new OpeningView(new I18n(I18n.JAPANESE)), ja);
    }).get(30, TimeUnit.SECONDS);
    assertThat(en).contains("Opening the workspace…", "File", "Edit", "View", "Certificates", "Help", "Cluster");
    assertThat(ja).contains("ワークスペースを開いています…", "ファイル(F)", "編集(E)", "表示(V)", "証明書(C)",
        "ヘルプ(H)", "クラスタ");
  }

  private static void texts(OpeningView v, List<String> out) {
    all(v.root()).stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText()).forEach(out::add);
  }

  private static List<Node> all(Node n) {
    List<Node> out = new ArrayList<>();
    out.add(n);
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        out.addAll(all(c));
      }
    }
    return out;
  }
}
