package dev.emcc.store;

/** The store's test seams for tests of other packages (the edit service's killed write). */
public final class StoreSeams {
  private StoreSeams() {}

  /** Runs {@code hook} inside every write transaction of {@code store}, after its rows, before COMMIT. */
  public static void beforeCommit(WorkspaceStore store, Runnable hook) {
    store.beforeCommit(hook);
  }
}
