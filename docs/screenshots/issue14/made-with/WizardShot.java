import dev.emcc.demo.DemoWorkspace;
import dev.emcc.ui.*; // Views moved to dev.emcc.ui.app in 17a7183: add "import dev.emcc.ui.app.Views;" for a later console
import dev.emcc.ui.certs.BulkWizards;
import dev.emcc.ui.certs.CertsHome;
import dev.emcc.ui.kit.*;
import dev.emcc.ui.shell.Shell;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.dialog.Wizard;

/**
 * A bulk certificate wizard's first page, as a user opens it from Certificates > Export / Import:
 * WizardShot headless|gtk export|import en|ja light|dark out.png. Headless: a snapshot of the
 * wizard's window; gtk: prints "READY WxH" once shown at (0,0) for `import -window root`.
 */
public class WizardShot {
  public static void main(String[] a) throws Exception {
    boolean gtk = a[0].equals("gtk");
    boolean export = a[1].startsWith("export");
    boolean sftp = a[1].endsWith(".sftp"); // the SFTP page as it opens, nothing typed
    Locale lang = a[2].equals("ja") ? I18n.JAPANESE : I18n.ENGLISH;
    Themes theme = Themes.parse(a[3]);
    Path out = Path.of(a[4]);
    if (!gtk) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("java.awt.headless", "true");
    }
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.join();
    Platform.setImplicitExit(false);
    CompletableFuture<Scene> ready = new CompletableFuture<>();
    Path home = Files.createTempDirectory("wizard-shot");
    Platform.runLater(() -> {
      try {
        theme.apply();
        ConsoleModel model = new ConsoleModel();
        model.load(DemoWorkspace.create());
        UiContext ctx = new UiContext(model, new I18n(lang));
        Shell shell = new Shell(ctx, new Views());
        Stage stage = new Stage();
        stage.setScene(new Scene(shell.root(), 1024, 700));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        shell.open("certificates");
        CertsHome certs = CertsHome.in(home, home.resolve("known_hosts"));
        Wizard w = export ? BulkWizards.export(ctx, certs) : BulkWizards.importInto(ctx, certs);
        w.getDialog().show();
        w.getDialog().setX(0);
        w.getDialog().setY(0);
        for (int i = 0; sftp && i < 3 && !"page-sftp".equals(w.getDialog().getDialogPane().getId()); i++) {
          javafx.scene.control.DialogPane pane = w.getDialog().getDialogPane();
          pane.getButtonTypes().stream()
              .filter(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.NEXT_FORWARD)
              .findFirst().map(pane::lookupButton)
              .ifPresent(n -> ((javafx.scene.control.Button) n).fire());
        }
        new Thread(() -> {
          try { Thread.sleep(gtk ? 4000 : 1500); } catch (InterruptedException e) { }
          Platform.runLater(() -> Platform.runLater(() -> ready.complete(w.getDialog().getDialogPane().getScene())));
        }).start();
      } catch (RuntimeException e) {
        ready.completeExceptionally(e);
      }
    });
    Scene s = ready.get();
    if (gtk) {
      System.out.println("READY " + (int) s.getWindow().getWidth() + "x" + (int) s.getWindow().getHeight());
      System.out.flush();
      Thread.sleep(600000);
      return;
    }
    CompletableFuture<WritableImage> img = new CompletableFuture<>();
    Platform.runLater(() -> img.complete(s.snapshot(null)));
    WritableImage image = img.get();
    int iw = (int) image.getWidth(), ih = (int) image.getHeight();
    int[] argb = new int[iw * ih];
    image.getPixelReader().getPixels(0, 0, iw, ih, PixelFormat.getIntArgbInstance(), argb, 0, iw);
    BufferedImage b = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
    b.setRGB(0, 0, iw, ih, argb, 0, iw);
    ImageIO.write(b, "png", out.toFile());
    System.exit(0);
  }
}
