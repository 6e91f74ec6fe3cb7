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
