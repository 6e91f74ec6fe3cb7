package dev.emcc.ui.app;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Validator;
import dev.emcc.schema.Windows;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders a view of the console with the demo workspace to a PNG without a screen (Monocle
 * headless), for the README, the user guide and for looking at the work.
 */
public final class Screenshots {
  private Screenshots() {}

  /** The trainer's view with the live switch on, after a login over the wire. */
  static final String SIMULATOR_LIVE = "simulator.live";
  /** Device Profile after saving a profile with a long name: the toolbar and the status bar with a long message. */
  static final String DEVICE_PROFILE_SAVED = "deviceProfile.saved";
  /** The trainer's view after alice's login with the WAN between the clusters down. */
  static final String SIMULATOR_WAN_DOWN = "simulator.wanDown";
  /** The trainer's view after the visiting Phone window's Log Out: the phone still registered to its home. */
  static final String SIMULATOR_PHONE_WINDOW_LOGOUT = "simulator.phoneWindowLogout";

  /** The Sync view with Connect to CUCM (AXL) open. */
  static final String SYNC_AXL = "sync.axl";

  public static List<String> views() {
    List<String> ids = new java.util.ArrayList<>(Views.ids());
    ids.add(ids.indexOf("sync") + 1, SYNC_AXL);
    ids.add(ids.indexOf("simulator") + 1, SIMULATOR_LIVE);
    ids.add(ids.indexOf(SIMULATOR_LIVE) + 1, SIMULATOR_WAN_DOWN);
    ids.add(ids.indexOf("deviceProfile") + 1, DEVICE_PROFILE_SAVED);
    ids.add(ids.indexOf(SIMULATOR_LIVE) + 1, SIMULATOR_PHONE_WINDOW_LOGOUT);
    ids.addAll(dev.emcc.ui.bat.BatDialogs.SCREENSHOTS);
    return ids;
  }

  /**
   * An AXL plan of the demo's Tokyo as an administrator meets one: a phone both sides changed (two
   * conflicting fields), a phone and an EM service parameter changed in the console, and the nodes'
   * services not read.
   */
  private static void samplePlan(dev.emcc.ui.sync.AxlPane axl, Workspace ws) {
    dev.emcc.model.Cluster pulled = ws.cluster(DemoWorkspace.TOKYO).orElseThrow();
    java.util.List<dev.emcc.model.Phone> mine = new java.util.ArrayList<>(pulled.phones());
    java.util.List<dev.emcc.model.Phone> theirs = new java.util.ArrayList<>(pulled.phones());
    dev.emcc.model.Phone first = pulled.phones().get(0);
    dev.emcc.model.Phone second = pulled.phones().get(1);
    mine.set(0, described(first, "Reception, 1F"));
    theirs.set(0, described(first, "Lobby phone").withEnableExtensionMobility(!first.enableExtensionMobility()));
    mine.set(1, described(second, "Meeting room 3A"));
    dev.emcc.model.EmServiceParameters em = pulled.emServiceParameters();
    dev.emcc.model.Cluster local = pulled.withPhones(mine).withEmServiceParameters(new dev.emcc.model.EmServiceParameters(
        true, java.util.List.of("192.0.2.10"), em.allowProxy(), em.maximumConcurrentRequests()));
    dev.emcc.model.Cluster remote = pulled.withPhones(theirs);
    dev.emcc.axl.AxlRead read = new dev.emcc.axl.AxlRead(remote, java.util.List.of(new dev.emcc.axl.AxlRead.Unread(
        dev.emcc.axl.AxlRead.Part.NODE_SERVICES, String.join(", ", pulled.nodes().stream()
            .map(dev.emcc.model.Node::name).toList()), dev.emcc.axl.Messages.get("axl.unread.serviceActivation"))),
        dev.emcc.axl.AxlMapping.get().featureParameters());
    try {
      axl.show(dev.emcc.axl.AxlPlan.of(local, read, pulled), read, pulled, new dev.emcc.axl.AxlClient.Target(
          "cucm-pub.tokyo.example.com", 8443, "axladmin", "", dev.emcc.axl.AxlVersion.DEFAULT, ""));
    } catch (dev.emcc.axl.AxlException e) {
      throw new IllegalStateException("the sample AXL plan of the demo cannot be made", e);
    }
  }

  private static dev.emcc.model.Phone described(dev.emcc.model.Phone p, String description) {
    return new dev.emcc.model.Phone(p.name(), description, p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address())
        .withTftpEncryptedConfig(p.tftpEncryptedConfig());
  }

  /** Renders {@code view} with the demo workspace; blocks until the PNG is written. */
  public static void render(String view, Path out, Locale lang, Themes theme, int width, int height)
      throws IOException {
    render(view, null, out, lang, theme, width, height);
  }

  /** Renders {@code view} with a workspace (null: the demo); blocks until the PNG is written. */
  public static void render(String view, Workspace workspace, Path out, Locale lang, Themes theme, int width,
      int height) throws IOException {
    if (!views().contains(view)) {
      throw new IllegalArgumentException("unknown view \"" + view + "\": one of " + String.join(", ", views()));
    }
    startHeadless();
    CompletableFuture<WritableImage> shot = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        theme.apply();
        Workspace ws = workspace != null ? workspace : DemoWorkspace.create();
        ConsoleModel model = new ConsoleModel();
        model.setValidator(Validator.standard()::validate);
        model.load(ws);
        model.setProblems(model.workspace(), Validator.standard().validate(ws));
        UiContext ctx = new UiContext(model, new I18n(lang));
        Shell shell = new Shell(ctx, new Views());
        Stage stage = new Stage();
        stage.setScene(new Scene(shell.root(), width, height));
        stage.show();
        javafx.stage.Window shown = stage;
        if (dev.emcc.ui.certs.BulkWizards.SCREENSHOTS.contains(view)) {
          // a wizard is a dialog over the Certificates window: its own window is the picture
          shell.open(Windows.CERTIFICATES.id());
          shown = dev.emcc.ui.certs.BulkWizards.showForScreenshot(view, ctx).getDialog().getDialogPane()
              .getScene().getWindow();
        } else if (dev.emcc.ui.bat.BatDialogs.SCREENSHOTS.contains(view)) {
          // a BAT dialog over the Device Profile window: its own window is the picture
          shell.open(Windows.DEVICE_PROFILE.id());
          shown = dev.emcc.ui.bat.BatDialogs.showForScreenshot(view, ctx).getDialogPane().getScene().getWindow();
        } else if (SIMULATOR_LIVE.equals(view)) {
          dev.emcc.ui.simulator.SimulatorView sim = (dev.emcc.ui.simulator.SimulatorView) shell.open("simulator");
          if (workspace == null) {
            // over the wire: alice's login as HTTPS calls between the Osaka and Tokyo nodes
            sim.setLive(true);
            sim.loginNow(DemoWorkspace.OSAKA, "SEP00AABBCC0201", "alice", DemoWorkspace.pin("alice"), java.util.Set.of());
          }
        } else if (SIMULATOR_PHONE_WINDOW_LOGOUT.equals(view)) {
          dev.emcc.ui.simulator.SimulatorView sim = (dev.emcc.ui.simulator.SimulatorView) shell.open("simulator");
          if (workspace == null) {
            sim.loginNow(DemoWorkspace.OSAKA, "SEP00AABBCC0201", "alice", DemoWorkspace.pin("alice"), java.util.Set.of());
            sim.phoneWindowLogoutNow();
          }
        } else if (SYNC_AXL.equals(view)) {
          dev.emcc.ui.sync.AxlPane axl = ((dev.emcc.ui.sync.SyncView) shell.open("sync")).axl();
          axl.expand();
          if (workspace == null) {
            samplePlan(axl, ws);
          }
        } else if (DEVICE_PROFILE_SAVED.equals(view)) {
          shell.open("deviceProfile");
          // the form's fields join the scene once its scroll pane has a skin
          stage.getScene().getRoot().applyCss();
          stage.getScene().getRoot().layout();
          ((javafx.scene.control.TextField) shell.root().lookup("#field-name"))
              .setText("UDP_newcomer_tsato_8865_training_room_b");
          ((javafx.scene.control.ButtonBase) shell.root().lookup("#save")).fire();
        } else if (SIMULATOR_WAN_DOWN.equals(view)) {
          dev.emcc.ui.simulator.SimulatorView sim = (dev.emcc.ui.simulator.SimulatorView) shell.open("simulator");
          if (workspace == null) {
            sim.setFault(dev.emcc.ui.simulator.Fault.WAN_DOWN, true);
            sim.loginNow(DemoWorkspace.OSAKA, "SEP00AABBCC0201", "alice", DemoWorkspace.pin("alice"),
                java.util.Set.of(dev.emcc.ui.simulator.Fault.WAN_DOWN));
          }
        } else if (!"shell".equals(view)) {
          dev.emcc.ui.shell.View v = shell.open(view);
          if (v instanceof dev.emcc.ui.start.StartView start) {
            start.readNodesNow();
          }
          if (v instanceof dev.emcc.ui.simulator.SimulatorView sim && workspace == null) {
            // a finished attempt says more than an empty form: alice on an Osaka phone, certificate missing
            sim.loginNow(DemoWorkspace.OSAKA, "SEP00AABBCC0201", "alice", DemoWorkspace.pin("alice"),
                java.util.Set.of(dev.emcc.ui.simulator.Fault.CERTIFICATE_MISSING));
          }
        }
        javafx.stage.Window picture = shown;
        if (ctx.statusProperty().get().isEmpty()) { // a view's own message (saved, failed) stays
          ctx.status("status.loaded", workspace != null ? "workspace" : ctx.i18n().deferred("status.demo"));
        }
        // a few pulses: layout fills the virtual flows, their cells lay out, then all is painted
        Platform.runLater(() -> Platform.runLater(() -> Platform.runLater(() -> {
          try {
            shot.complete(picture.getScene().snapshot(null));
            picture.hide();
            stage.close();
            shell.close();
          } catch (RuntimeException e) {
            shot.completeExceptionally(e);
          }
        })));
      } catch (RuntimeException e) {
        shot.completeExceptionally(e);
      }
    });
    WritableImage image;
    try {
      image = shot.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering " + view, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot render " + view + ": " + e.getMessage(), e);
    }
    write(image, out);
  }

  private static void startHeadless() {
    if (System.getProperty("glass.platform") == null) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("java.awt.headless", "true");
    }
    ClassPathJavaFx.quietUnsupportedConfigurationWarning();
    try {
      CompletableFuture<Void> started = new CompletableFuture<>();
      Platform.startup(() -> started.complete(null));
      started.join();
      Platform.setImplicitExit(false);
    } catch (IllegalStateException alreadyRunning) {
      // the toolkit is up (tests, or a second screenshot in the same JVM)
    }
  }

  /** PNG from the snapshot's pixels: javax.imageio only, no javafx-swing. */
  static void write(WritableImage image, Path out) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, w, h, argb, 0, w);
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    if (!ImageIO.write(img, "png", out.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
