package dev.emcc.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.InvalidWorkspaceException;
import dev.emcc.store.KeptColumns;
import dev.emcc.store.StoreException;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one edit path on real SQLite files: checked, saved whole or not at all, recorded, undone alike. */
class EditServiceTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;

  private Path seeded() throws Exception {
    Path db = dir.resolve("ws.db");
    try (EditService edits = EditService.database(db)) {
      edits.apply(Proposal.of(DemoWorkspace.create(), new Origin(Origin.Kind.IMPORT, "import demo.json")));
    }
    return db;
  }

  private static Workspace load(Path db) throws Exception {
    try (EditService edits = EditService.database(db)) {
      return edits.load();
    }
  }

  @Test
  void aChangeIsCheckedSavedAndRecordedUnderItsOrigin() throws Exception {
    Path db = seeded();
    Workspace next = Broken.withWarning(Broken.withErrors(DemoWorkspace.create()));
    EditResult result;
    try (EditService edits = EditService.database(db)) {
      result = edits.apply(Proposal.of(next, Origin.certs("generate", TOKYO)));
    }
    // the rules and the schema's limits both ran; errors and warnings are kept, nothing was refused
    assertThat(result.findings()).extracting(Diagnostic::rule)
        .contains("field.range", "emcc.capacity", "profile.productType");
    assertThat(result.count(Severity.ERROR, TOKYO)).isEqualTo(2);
    assertThat(result.count(Severity.WARNING, null)).isEqualTo(1);
    assertThat(result.origin().kind()).isEqualTo(Origin.Kind.CERTS);
    assertThat(result.changed()).isTrue();
    assertThat(load(db)).isEqualTo(next);
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      List<HistoryEntry> latest = store.history(10).stream()
          .filter(h -> h.changeSetId() == result.saved().changeSetId()).toList();
      assertThat(latest).extracting(HistoryEntry::summary).containsOnly("certs generate TOKYO").hasSize(2);
    }
  }

  @Test
  void newErrorsRefuseTheChangeWhenTheCallerAsksAndNothingIsSaved() throws Exception {
    Path db = seeded();
    StoreState before = StoreState.of(db);
    Workspace demo = DemoWorkspace.create();
    try (EditService edits = EditService.database(db)) {
      assertThatThrownBy(() -> edits.apply(Proposal.of(Broken.withErrors(demo), Origin.importOf(Path.of("x.json")))
          .from(demo).refusingNewErrors()))
          .isInstanceOfSatisfying(EditRefusedException.class, e -> {
            assertThat(e.errors()).extracting(Diagnostic::rule).containsExactlyInAnyOrder("field.range", "emcc.capacity");
            assertThat(e.getMessage()).contains("Nothing was saved: import x.json would bring 2 validation errors")
                .contains("$.clusters[0].maxPhones: MaxPhones is 0");
            assertThat(e.text(java.util.Locale.JAPANESE)).contains("何も保存していません");
          });
      // a warning never refuses
      assertThat(edits.apply(Proposal.of(Broken.withWarning(demo), Origin.importOf(Path.of("w.json")))
          .refusingNewErrors()).changed()).isTrue();
    }
    assertThat(StoreState.of(db).history()).hasSize(before.history().size() + 1);
  }

  @Test
  void errorsTheBaseAlreadyHadDoNotRefuseAChange() throws Exception {
    Path db = seeded();
    Workspace broken = Broken.withErrors(DemoWorkspace.create());
    try (EditService edits = EditService.database(db)) {
      edits.apply(Proposal.of(broken, Origin.console("max phones")));
      Workspace next = broken.updateCluster(TOKYO, c -> c.withVersion("15.0"));
      EditResult r = edits.apply(Proposal.of(next, Origin.console("version")).from(broken).refusingNewErrors());
      assertThat(r.count(Severity.ERROR, TOKYO)).isEqualTo(2);
      assertThat(r.countBefore(Severity.ERROR, TOKYO)).isEqualTo(2);
      assertThat(r.introduced()).isEmpty();
      // without a base every error is new
      assertThatThrownBy(() -> edits.apply(Proposal.of(next, Origin.console("again")).refusingNewErrors()))
          .isInstanceOf(EditRefusedException.class);
      assertThat(edits.load()).isEqualTo(next);
    }
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheStoreAsItWas() throws Exception {
    Path db = seeded();
    StoreState before = StoreState.of(db);
    StoreState.failWritesInto(db, "change"); // the object rows are written, then the history refuses
    try (EditService edits = EditService.database(db)) {
      Workspace next = DemoWorkspace.create().updateCluster(TOKYO, c -> c.withVersion("15.0"));
      assertThatThrownBy(() -> edits.apply(Proposal.of(next, Origin.console("version"))))
          .isInstanceOf(StoreException.class).hasMessageContaining("the test refuses writes into change");
    }
    assertThat(StoreState.of(db)).isEqualTo(before);
    StoreState.assertIntact(db);
  }

  @Test
  void aWorkspaceTheStoreCannotKeepChangesNothing() throws Exception {
    Path db = seeded();
    StoreState before = StoreState.of(db);
    Workspace twice = DemoWorkspace.create().updateCluster(TOKYO,
        c -> c.withPhones(java.util.stream.Stream.concat(c.phones().stream(), c.phones().stream().limit(1)).toList()));
    try (EditService edits = EditService.database(db)) {
      assertThatThrownBy(() -> edits.apply(Proposal.of(twice, Origin.console("a phone twice"))))
          .isInstanceOf(InvalidWorkspaceException.class);
    }
    assertThat(StoreState.of(db)).isEqualTo(before);
  }

  @Test
  void keptBatColumnsAndTheRowsAreOneTransaction() throws Exception {
    Path db = seeded();
    Workspace next = DemoWorkspace.create().updateCluster(TOKYO, c -> c.withVersion("15.0"));
    List<KeptColumns.Entry> kept = List.of(new KeptColumns.Entry(TOKYO, "deviceProfiles",
        Map.of("UDP_alice_8865", Map.of("Module 1", "BEKEM"))));
    Proposal change = Proposal.of(next, new Origin(Origin.Kind.BAT, "BAT import udp.csv (udp, export) into TOKYO"))
        .keeping(kept);

    StoreState before = StoreState.of(db);
    StoreState.failWritesInto(db, "bat_column"); // the rows and their history are written, then the side table refuses
    try (EditService edits = EditService.database(db)) {
      assertThatThrownBy(() -> edits.apply(change)).isInstanceOf(StoreException.class);
    }
    assertThat(StoreState.of(db)).isEqualTo(before);

    StoreState.allowWrites(db);
    long id;
    try (EditService edits = EditService.database(db)) {
      id = edits.apply(change).saved().changeSetId();
    }
    assertThat(StoreState.of(db).keptColumns()).singleElement().asString()
        .startsWith("TOKYO/deviceProfiles/UDP_alice_8865@" + id + " ").contains("BEKEM");
    try (EditService edits = EditService.database(db)) {
      assertThat(edits.undoLatest().orElseThrow().undoneSummary()).isEqualTo("BAT import udp.csv (udp, export) into TOKYO");
    }
    assertThat(StoreState.of(db).keptColumns()).isEmpty(); // undone with the import
    assertThat(load(db)).isEqualTo(DemoWorkspace.create());
  }

  @Test
  void theHistoryUndoesEveryOriginAlikeNewestFirst() throws Exception {
    Path db = seeded();
    Workspace a = DemoWorkspace.create();
    Workspace b = a.updateCluster(TOKYO, c -> c.withVersion("15.0"));
    Workspace c = b.updateCluster(TOKYO, x -> x.withMaxPhones(1234));
    Workspace d = c.updateCluster("OSAKA", x -> x.withVersion("12.5"));
    try (EditService edits = EditService.database(db)) {
      edits.apply(Proposal.of(b, Origin.axlPull(TOKYO, "cucm.example.com:8443")));
      edits.apply(Proposal.of(c, Origin.console("max phones")));
      edits.apply(Proposal.of(d, new Origin(Origin.Kind.SYNC_PULL, "sync pull OSAKA from https://n:8443")));
      assertThat(edits.undoable().orElseThrow().summary()).isEqualTo("sync pull OSAKA from https://n:8443");
      assertThat(edits.undoLatest().orElseThrow().undoneSummary()).isEqualTo("sync pull OSAKA from https://n:8443");
      assertThat(edits.load()).isEqualTo(c);
      assertThat(edits.undoLatest().orElseThrow().undoneSummary()).isEqualTo("max phones");
      assertThat(edits.undoLatest().orElseThrow().undoneSummary()).isEqualTo("AXL pull of TOKYO from cucm.example.com:8443");
      assertThat(edits.load()).isEqualTo(a);
      assertThat(edits.undoLatest().orElseThrow().undoneSummary()).isEqualTo("import demo.json");
      assertThat(edits.undoable()).isEmpty();
      assertThat(edits.undoLatest()).isEmpty();
      assertThat(edits.load().clusters()).isEmpty();
    }
  }

  @Test
  void aWorkspaceFileIsCheckedTheSameWayAndKeepsNoHistory() throws Exception {
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(DemoWorkspace.create(), file);
    String before = Files.readString(file);
    try (EditService edits = EditService.file(file)) {
      assertThatThrownBy(() -> edits.apply(Proposal.of(Broken.withErrors(edits.load()), Origin.certs("add", TOKYO))
          .refusingNewErrors())).isInstanceOf(EditRefusedException.class);
      assertThat(Files.readString(file)).isEqualTo(before);
      Workspace next = Broken.withWarning(edits.load());
      EditResult r = edits.apply(Proposal.of(next, Origin.certs("add", TOKYO)));
      assertThat(r.count(Severity.WARNING, TOKYO)).isEqualTo(1);
      assertThat(edits.load()).isEqualTo(next);
      assertThat(edits.keepsHistory()).isFalse();
      assertThat(edits.undoLatest()).isEmpty();
      assertThatThrownBy(() -> edits.apply(Proposal.of(next, Origin.console("x")).keeping(List.of(
          new KeptColumns.Entry(TOKYO, "phones", Map.of()))))).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
