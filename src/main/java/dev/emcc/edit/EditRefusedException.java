package dev.emcc.edit;

import dev.emcc.rules.Diagnostic;
import java.util.List;
import java.util.Locale;

/** A proposal refused because it brings validation errors ({@link Checks#REFUSE_NEW_ERRORS}); nothing was saved. */
public final class EditRefusedException extends RuntimeException {
  /** Errors listed in the message; the rest are counted. */
  private static final int LISTED = 20;
  private final transient Origin origin;
  private final transient List<Diagnostic> errors;

  EditRefusedException(Origin origin, List<Diagnostic> errors) {
    super(text(origin, errors, Locale.getDefault()));
    this.origin = origin;
    this.errors = List.copyOf(errors);
  }

  public Origin origin() {
    return origin;
  }

  /** The errors the proposal would have brought. */
  public List<Diagnostic> errors() {
    return errors;
  }

  /** What was refused and why, each error with its path, in {@code locale}'s language. */
  public String text(Locale locale) {
    return text(origin, errors, locale);
  }

  private static String text(Origin origin, List<Diagnostic> errors, Locale locale) {
    boolean ja = locale.getLanguage().equals("ja");
    StringBuilder out = new StringBuilder(EditMessages.format(locale, "edit.refused", origin.description(), errors.size()));
    for (Diagnostic d : errors.subList(0, Math.min(LISTED, errors.size()))) {
      out.append(System.lineSeparator()).append("  ").append(d.path()).append(": ")
          .append(ja && d.messageJa() != null ? d.messageJa() : d.message());
    }
    if (errors.size() > LISTED) {
      out.append(System.lineSeparator()).append("  ")
          .append(EditMessages.format(locale, "edit.refusedMore", errors.size() - LISTED));
    }
    return out.toString();
  }
}
