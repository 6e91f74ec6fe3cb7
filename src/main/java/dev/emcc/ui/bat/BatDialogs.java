package dev.emcc.ui.bat;

import dev.emcc.bat.BatExport;
import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatKind;
import dev.emcc.bat.ExportOptions;
import dev.emcc.ui.UiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuItem;

/**
 * The BAT CSV dialogs: File > Import BAT CSV... and File > Export BAT CSV... ({@link #menuItems}
 * is the shell's one hook), and their screenshot views ({@code emcc screenshot bat.import}).
 */
public final class BatDialogs {
  /** The screenshot ids of the dialogs. */
  public static final List<String> SCREENSHOTS = List.of("bat.import", "bat.export");

  private BatDialogs() {}

  /** The File menu's two entries, labelled in the console's language. */
  public static List<MenuItem> menuItems(UiContext ctx) {
    BatTexts t = new BatTexts(ctx.i18n());
    MenuItem in = new MenuItem();
    in.textProperty().bind(t.bind("menu.import"));
    in.setId("menu.file.batImport");
    in.setOnAction(e -> importDialog(ctx).showAndWait());
    MenuItem out = new MenuItem();
    out.textProperty().bind(t.bind("menu.export"));
    out.setId("menu.file.batExport");
    out.setOnAction(e -> exportDialog(ctx).showAndWait());
    return List.of(in, out);
  }

  public static Dialog<Void> importDialog(UiContext ctx) {
    return new BatImportDialog(ctx).dialog();
  }

  public static Dialog<Void> exportDialog(UiContext ctx) {
    return new BatExportDialog(ctx).dialog();
  }

  /**
   * Shows a dialog by screenshot id (not waiting), the import one with a file of the shown
   * cluster's device profiles already read: one changed, one added, one bad row.
   */
  public static Dialog<Void> showForScreenshot(String id, UiContext ctx) {
    try {
      if ("bat.export".equals(id)) {
        BatExportDialog d = new BatExportDialog(ctx);
        d.dialog().show();
        Path out = Files.createTempFile("emcc-bat-users", ".csv");
        out.toFile().deleteOnExit();
        d.setKind(BatKind.USERS);
        d.outField().setText(out.toString());
        d.exportNow();
        d.dialog().getDialogPane().getScene().getWindow().sizeToScene();
        return d.dialog();
      }
      BatImportDialog d = new BatImportDialog(ctx);
      d.dialog().show();
      d.fileField().setText(exampleFile(ctx).toString());
      ctx.model().cluster().filter(c -> !c.deviceProfiles().isEmpty())
          .ifPresent(c -> d.setTemplate(c.deviceProfiles().get(0).name()));
      d.readNow();
      return d.dialog();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      if (Boolean.getBoolean("emcc.debug")) {
        e.printStackTrace();
      }
      throw new IllegalStateException("cannot show " + id + ": " + e, e);
    }
  }

  /** The shown cluster's profiles as an insert file, one description changed, a new profile and a bad row added. */
  private static Path exampleFile(UiContext ctx) throws Exception {
    Path file = Files.createTempFile("emcc-bat-example", ".csv");
    file.toFile().deleteOnExit();
    String cluster = ctx.model().clusterIdProperty().get();
    BatExport.write(ctx.model().workspace(), ExportOptions.of(BatKind.UDP, BatFormat.INSERT, cluster), file, null,
        null);
    List<String> rows = new ArrayList<>(Files.readAllLines(file));
    if (!rows.isEmpty()) {
      rows.set(0, rows.get(0).replaceFirst(",([^,]*),", ",\"$1, 3rd floor\","));
    }
    rows.add("UDP_lobby_8865,Lobby,,1099,Lobby,Lobby phone,,,,,,,,,");
    rows.add("EMCC12,Named like an EMCC device,,1098,,,,,,,,,,,");
    rows.add("UDP_ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz,Too long,,1097,,,,,,,,,,,");
    Files.write(file, rows);
    return file;
  }
}
