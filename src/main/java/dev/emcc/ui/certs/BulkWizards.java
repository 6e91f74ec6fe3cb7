package dev.emcc.ui.certs;

import dev.emcc.ui.UiContext;
import dev.emcc.ui.certs.BulkWizardModel.Kind;
import org.controlsfx.dialog.Wizard;

/**
 * The three Bulk Certificate Management wizards (Export, Consolidate, Import). Each returns a
 * ControlsFX {@link Wizard} ready to show: {@code showAndWait()} from a menu or a button, or
 * {@code getDialog().show()} where the caller must not block (tests).
 */
public final class BulkWizards {
  private BulkWizards() {}

  public static Wizard export(UiContext ctx, CertsHome home) {
    return new BulkWizard(Kind.EXPORT, ctx, home).wizard();
  }

  public static Wizard consolidate(UiContext ctx, CertsHome home) {
    return new BulkWizard(Kind.CONSOLIDATE, ctx, home).wizard();
  }

  public static Wizard importInto(UiContext ctx, CertsHome home) {
    return new BulkWizard(Kind.IMPORT, ctx, home).wizard();
  }

  /**
   * The screenshot ids of the wizards: {@code wizard.export} shows the SFTP page filled in,
   * {@code wizard.export.first} the first page (which job it is).
   */
  public static final java.util.List<String> SCREENSHOTS = java.util.List.of("wizard.export", "wizard.export.first",
      "wizard.consolidate", "wizard.import", "wizard.import.first");

  /** Shows a wizard by screenshot id, not waiting; the caller snapshots its dialog. */
  public static Wizard showForScreenshot(String id, UiContext ctx) {
    boolean first = id.endsWith(".first");
    String job = first ? id.substring(0, id.length() - ".first".length()) : id;
    Kind kind = switch (job) {
      case "wizard.export" -> Kind.EXPORT;
      case "wizard.consolidate" -> Kind.CONSOLIDATE;
      case "wizard.import" -> Kind.IMPORT;
      default -> throw new IllegalArgumentException("no wizard " + id);
    };
    BulkWizard w = new BulkWizard(kind, ctx, CertsHome.standard());
    return first ? w.showAtFirstPage() : w.showAtSftpPage();
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
