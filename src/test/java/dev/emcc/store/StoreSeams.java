package dev.emcc.store;

import java.util.concurrent.CountDownLatch;

/** The store's test seams for tests of other packages (the edit service's killed write). */
public final class StoreSeams {
  private StoreSeams() {}

  /**
   * Makes every write of {@code store} print {@code IN_TRANSACTION} inside its transaction, after its
   * rows and before COMMIT, and wait there to be killed (the child processes of the crash tests).
   */
  public static void hangInsideTransactions(WorkspaceStore store) {
    store.beforeCommit(() -> {
      System.out.println("IN_TRANSACTION");
      System.out.flush();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
