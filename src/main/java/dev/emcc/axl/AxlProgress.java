package dev.emcc.axl;

/** Where a pull or a push reports how far it is, and where it learns it should stop. */
public interface AxlProgress {
  /** {@code done} of {@code total} steps of the named part (a kind, "feature parameters" ...). */
  void step(String part, int done, int total);

  /** True once the user asked to stop: the work stops before its next request. */
  default boolean cancelled() {
    return false;
  }

  AxlProgress NONE = (part, done, total) -> { };
}
