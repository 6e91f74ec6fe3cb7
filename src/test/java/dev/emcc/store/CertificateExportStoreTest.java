package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional certificate-export record survives the store, and its removal too. */
class CertificateExportStoreTest {
  @TempDir Path dir;

  @Test
  void certificateExportIsKeptAndRemoved() throws Exception {
    Workspace demo = DemoWorkspace.create();
    CertificateExport export = new CertificateExport(Instant.parse("2026-05-01T10:00:00Z"),
        "TOKYO.export.p12", List.of("AB12"));
    Workspace withExport = demo.updateCluster("TOKYO", c -> c.withCertificateExport(export));
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("w.db"))) {
      store.save(withExport);
      assertThat(store.load()).isEqualTo(withExport);
      store.save(demo);
      assertThat(store.load()).isEqualTo(demo);
      assertThat(store.load().cluster("TOKYO").orElseThrow().certificateExport()).isNull();
    }
  }
}
