package dev.emcc.edit;

import dev.emcc.model.Workspace;
import dev.emcc.store.KeptColumns;
import dev.emcc.store.StoreFixtures;
import dev.emcc.store.StoreSeams;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link KilledEditTest}: {@code DB PHONES} proposes a generated workspace of
 * that many phones with kept BAT columns to the edit service and, inside its transaction after
 * every row is written, prints {@code IN_TRANSACTION} and waits to be killed.
 */
public final class EditThenHang {
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int phones = Integer.parseInt(args[1]);
    Workspace big = StoreFixtures.generated(phones, phones / 2, phones / 4, 100);
    WorkspaceStore store = WorkspaceStore.open(db);
    StoreSeams.hangInsideTransactions(store);
    try (EditService edits = EditService.of(store)) {
      String cluster = big.clusters().get(0).clusterId();
      edits.apply(Proposal.of(big, new Origin(Origin.Kind.BAT, "never committed"))
          .keeping(List.of(new KeptColumns.Entry(cluster, "phones", Map.of("SEP-NEVER", Map.of("Module 1", "x"))))));
      System.out.println("COMMITTED");
    }
  }
}
