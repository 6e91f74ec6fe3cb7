package dev.emcc.bat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 40,000 device profiles through a BAT export file and back. The preview's first rows arrive while
 * most of the file is still unread (the parse streams); how fast it all goes is {@code emcc bench}'s
 * (figures bat.import and bat.export), not a unit test's.
 */
class BatLargeFileTest {
  @TempDir Path dir;

  @Test
  void fortyThousandProfilesImportAndThePreviewComesFirst() throws Exception {
    Workspace ws = WorkspaceGenerator.generate(0, 80_000, 40_000, 0, 2, 7); // 40,000 a cluster
    String id = ws.clusters().get(0).clusterId();
    Path file = dir.resolve("udp-40000.csv");
    ExportResult written = BatExport.write(ws, ExportOptions.of(BatKind.UDP, BatFormat.EXPORT, id), file, null, null);
    assertThat(written.rows()).isEqualTo(40_000);
    long size = Files.size(file);

    Workspace empty = ws.updateCluster(id, c -> c.withDeviceProfiles(List.of()));
    List<Long> readWhenPreviewed = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    ImportPlan plan = BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.EXPORT, id), empty,
        new ImportListener() {
          long read;

          @Override public void row(PreviewRow row) {
            readWhenPreviewed.add(read);
          }

          @Override public void progress(long bytesRead, long total, long rows) {
            read = bytesRead;
            progress.add(bytesRead);
          }
        });
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.rows()).isEqualTo(40_000);
    assertThat(plan.entries()).hasSize(40_000).allMatch(e -> e.change() == PlanEntry.Change.ADDED);
    // the first 100 rows were previewed before the reader got a tenth of the way through the file
    assertThat(readWhenPreviewed).hasSize(100).allMatch(read -> read < size / 10);
    assertThat(progress).isSorted().last().isEqualTo(size);

    Cluster back = ImportApplier.apply(empty, plan).cluster(id).orElseThrow();
    assertThat(back.deviceProfiles()).isEqualTo(ws.cluster(id).orElseThrow().deviceProfiles());
  }
}
