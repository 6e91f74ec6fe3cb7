package dev.emcc.bench;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.emcc.bat.BatExport;
import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatImport;
import dev.emcc.bat.BatKind;
import dev.emcc.bat.ExportOptions;
import dev.emcc.bat.ImportApplier;
import dev.emcc.bat.ImportOptions;
import dev.emcc.bat.ImportPlan;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BAT CSV import and export of one cluster's device profiles (all the generated workspace's,
 * 40,000 in the full run) in the "All details" export format, each beside the CSV library alone
 * (Jackson's CSV parser and generator) reading and writing the same file.
 */
final class BatBench {
  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private BatBench() {}

  static List<Figure> run(Workspace generated, Path dir, BenchSizes sizes) throws Exception {
    // one cluster with every generated profile: the file an administrator would hand over
    List<DeviceProfile> all = new ArrayList<>();
    generated.clusters().forEach(c -> all.addAll(c.deviceProfiles()));
    Cluster first = generated.clusters().get(0).withDeviceProfiles(all);
    Workspace ws = generated.withCluster(first);
    String id = first.clusterId();
    Path file = dir.resolve("udp.csv");
    ExportOptions export = ExportOptions.of(BatKind.UDP, BatFormat.EXPORT, id);
    BatExport.write(ws, export, file, null, null);
    String size = String.format(Locale.ROOT, "%,d device profiles, %.1f MB", all.size(), Files.size(file) / 1e6);

    Workspace empty = ws.updateCluster(id, c -> c.withDeviceProfiles(List.of()));
    ImportOptions options = ImportOptions.of(BatKind.UDP, BatFormat.EXPORT, id);
    int[] added = new int[1];
    Samples imported = Timer.time(sizes.runs(), run -> {
      ImportPlan plan = BatImport.plan(file, options, empty, null);
      added[0] = ImportApplier.apply(empty, plan).cluster(id).orElseThrow().deviceProfiles().size();
    });
    if (added[0] != all.size()) {
      throw new IllegalStateException("the import made " + added[0] + " profiles of " + all.size());
    }
    List<List<String>> rows = new ArrayList<>();
    Samples parsed = Timer.time(sizes.runs(), run -> {
      rows.clear();
      rows.addAll(readAll(file));
    });
    Path out = dir.resolve("udp-export.csv");
    Samples exported = Timer.time(sizes.runs(), run -> BatExport.write(ws, export, out, null, null));
    Path plain = dir.resolve("udp-plain.csv");
    Samples written = Timer.time(sizes.runs(), run -> writeAll(rows, plain));
    return List.of(
        new Figure("bat.import", "BAT import: BatImport.plan of the device profile export file (" + size
            + ") into an empty cluster, every row checked, then ImportApplier.apply", "ms", imported,
            "Jackson's CSV parser alone reading the same file into lists of strings", parsed, "< 3 s",
            imported.median() < 3000, null, null),
        new Figure("bat.export", "BAT export: BatExport.write of the same " + all.size()
            + " device profiles (All details format, owner-only file moved in place)", "ms", exported,
            "Jackson's CSV generator alone writing the same rows to a file", written, null, null, null, null));
  }

  private static List<List<String>> readAll(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvParser p = CSV.createParser(r)) {
      List<String> row = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          row = new ArrayList<>();
        } else if (t == JsonToken.END_ARRAY) {
          rows.add(row);
        } else {
          row.add(p.getText());
        }
      }
    }
    return rows;
  }

  private static void writeAll(List<List<String>> rows, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CsvGenerator g = CSV.createGenerator(w)) {
      for (List<String> row : rows) {
        g.writeStartArray();
        for (String cell : row) {
          g.writeString(cell);
        }
        g.writeEndArray();
      }
    }
  }
}
