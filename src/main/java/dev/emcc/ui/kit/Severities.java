package dev.emcc.ui.kit;

import atlantafx.base.theme.Styles;
import dev.emcc.rules.Severity;
import javafx.scene.Node;

/**
 * One severity, one colour, one word: Problems and a field's inline finding show a finding
 * alike. Error in the theme's danger colour (red), warning in its warning colour (amber),
 * information in the text's own colour; the word is Problems' Severity column's.
 */
public final class Severities {
  private Severities() {}

  /** The word Problems' Severity column shows ("Error", "エラー", ...). */
  public static String word(TextSource texts, Severity s) {
    return texts.text("severity." + s.name());
  }

  /** The theme's colour class of a severity; null for information (neutral). */
  public static String styleClass(Severity s) {
    return switch (s) {
      case ERROR -> Styles.DANGER;
      case WARNING -> Styles.WARNING;
      case INFO -> null;
    };
  }

  /** Gives a text node the colour of a severity (none: the colour of a value that is fine). */
  public static void colour(Node n, Severity s) {
    n.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
    String c = s == null ? null : styleClass(s);
    if (c != null) {
      n.getStyleClass().add(c);
    }
  }

  /** An editor's frame in a severity's colour (information: none). */
  public static void frame(Node editor, Severity s) {
    editor.pseudoClassStateChanged(Styles.STATE_DANGER, s == Severity.ERROR);
    editor.pseudoClassStateChanged(Styles.STATE_WARNING, s == Severity.WARNING);
  }

  /** The worse of two severities. */
  public static Severity worse(Severity a, Severity b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
