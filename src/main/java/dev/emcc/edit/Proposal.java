package dev.emcc.edit;

import dev.emcc.model.Workspace;
import dev.emcc.store.KeptColumns;
import java.util.List;
import java.util.Objects;

/**
 * A proposed change: the workspace as it should be, who or what made it, and how to check it.
 *
 * @param workspace the whole next workspace (the store writes only what differs from what it holds)
 * @param origin who or what made it; its description goes into the history
 * @param base the workspace it was made from, or null: its findings are compared with the next's
 * @param checks whether errors it brings refuse it
 * @param kept BAT columns the model does not carry, kept in the same transaction (store only)
 */
public record Proposal(Workspace workspace, Origin origin, Workspace base, Checks checks,
    List<KeptColumns.Entry> kept) {
  public Proposal {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(checks, "checks");
    kept = List.copyOf(kept);
  }

  /** The next workspace from a writer: checked, findings recorded, never refused. */
  public static Proposal of(Workspace workspace, Origin origin) {
    return new Proposal(workspace, origin, null, Checks.RECORD, List.of());
  }

  /** The same proposal made from {@code base}: the result tells the findings it brings from those it had. */
  public Proposal from(Workspace base) {
    return new Proposal(workspace, origin, base, checks, kept);
  }

  /** The same proposal, refused when it brings validation errors ({@link Checks#REFUSE_NEW_ERRORS}). */
  public Proposal refusingNewErrors() {
    return new Proposal(workspace, origin, base, Checks.REFUSE_NEW_ERRORS, kept);
  }

  /** The same proposal, with BAT columns to keep beside it. */
  public Proposal keeping(List<KeptColumns.Entry> columns) {
    return new Proposal(workspace, origin, base, checks, columns);
  }
}
