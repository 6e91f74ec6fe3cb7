package dev.emcc.ui.certs;

import dev.emcc.ui.UiContext;
import org.controlsfx.dialog.Wizard;

/**
 * The three Bulk Certificate Management wizards (Export, Consolidate, Import). Each returns a
 * ControlsFX {@link Wizard} ready to show: {@code showAndWait()} from a menu or a button, or
 * {@code getDialog().show()} where the caller must not block (tests).
 */
public final class BulkWizards {
  private BulkWizards() {}

  public static Wizard export(UiContext ctx, CertsHome home) {
    return new BulkWizard(BulkWizard.Kind.EXPORT, ctx, home).wizard();
  }

  public static Wizard consolidate(UiContext ctx, CertsHome home) {
    return new BulkWizard(BulkWizard.Kind.CONSOLIDATE, ctx, home).wizard();
  }

  public static Wizard importInto(UiContext ctx, CertsHome home) {
    return new BulkWizard(BulkWizard.Kind.IMPORT, ctx, home).wizard();
  }

  /** The screenshot ids of the wizards (`emcc screenshot wizard.export`). */
  public static final java.util.List<String> SCREENSHOTS = java.util.List.of("wizard.export", "wizard.consolidate",
      "wizard.import");

  /** Shows a wizard by screenshot id at its SFTP page, not waiting; the caller snapshots its dialog. */
  public static Wizard showForScreenshot(String id, UiContext ctx) {
    BulkWizard.Kind kind = switch (id) {
      case "wizard.export" -> BulkWizard.Kind.EXPORT;
      case "wizard.consolidate" -> BulkWizard.Kind.CONSOLIDATE;
      case "wizard.import" -> BulkWizard.Kind.IMPORT;
      default -> throw new IllegalArgumentException("no wizard " + id);
    };
    return new BulkWizard(kind, ctx, CertsHome.standard()).showAtSftpPage();
  }

  /** Opens one by its id ("export", "consolidate", "import") and waits (the menu entries). */
  public static void show(String which, UiContext ctx) {
    Wizard w = switch (which) {
      case "export" -> export(ctx, CertsHome.standard());
      case "consolidate" -> consolidate(ctx, CertsHome.standard());
      case "import" -> importInto(ctx, CertsHome.standard());
      default -> throw new IllegalArgumentException("no wizard " + which);
    };
    w.showAndWait();
  }
}
