package dev.emcc.store;

import dev.emcc.model.Workspace;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}. {@code hang DB PHONES}: saves a generated
 * workspace and, inside the transaction after every row is written, prints
 * {@code IN_TRANSACTION} and waits to be killed. {@code loop DB PHONES}: saves two workspaces
 * in turn for ever, printing {@code SAVED n} after each commit.
 */
public final class SaveThenHang {
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[1]);
    int phones = Integer.parseInt(args[2]);
    Workspace big = StoreFixtures.generated(phones, phones / 2, phones / 4, 100);
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      if (args[0].equals("hang")) {
        StoreSeams.hangInsideTransactions(store);
        store.save(big, "never committed");
        System.out.println("COMMITTED");
      } else {
        Workspace small = StoreFixtures.twoClusters();
        for (int n = 1; ; n++) {
          store.save(n % 2 == 0 ? small : big, "loop " + n);
          System.out.println("SAVED " + n);
          System.out.flush();
        }
      }
    }
  }
}
