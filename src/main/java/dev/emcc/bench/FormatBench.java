package dev.emcc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON import/export through the strict format against a plain Jackson tree, and validation
 * against one plain pass over every object (the floor of any rule that looks at each object once).
 */
final class FormatBench {
  private FormatBench() {}

  static List<Figure> run(Workspace ws, Path file, BenchSizes sizes) throws Exception {
    WorkspaceFormat.write(ws, file);
    double mb = Files.size(file) / 1e6;
    ObjectMapper plain = new ObjectMapper();
    Samples read = Timer.time(sizes.runs(), run -> WorkspaceFormat.read(file));
    Samples readTree = Timer.time(sizes.runs(), run -> plain.readTree(file.toFile()));
    Path out = file.resolveSibling("export.json");
    Samples write = Timer.time(sizes.runs(), run -> WorkspaceFormat.write(ws, out));
    JsonNode tree = plain.readTree(file.toFile());
    Path treeOut = file.resolveSibling("export-tree.json");
    Samples writeTree = Timer.time(sizes.runs(), run -> plain.writeValue(treeOut.toFile(), tree));
    Validator validator = Validator.standard();
    int[] found = new int[1];
    Samples validate = Timer.time(sizes.runs(), run -> found[0] = validator.validate(ws).size());
    Samples onePass = Timer.time(sizes.runs(), run -> onePass(ws));
    String size = String.format("%.1f MB", mb);
    return List.of(
        new Figure("format.import", "JSON import: WorkspaceFormat.read of the file (" + size + ") into records",
            "ms", read, "plain Jackson ObjectMapper.readTree of the same file", readTree, null, null, null, null),
        new Figure("format.export", "JSON export: WorkspaceFormat.write of the workspace to a file", "ms", write,
            "plain Jackson ObjectMapper.writeValue of the same document's tree", writeTree, null, null, null, null),
        new Figure("validate", "validation: Validator.standard().validate of the workspace (" + found[0]
            + " diagnostics)", "ms", validate, "one pass over every object putting its name in a HashSet",
            onePass, "< 300 ms", validate.median() < 300, null, null));
  }

  private static void onePass(Workspace ws) {
    Set<String> names = new HashSet<>();
    for (var c : ws.clusters()) {
      c.phones().forEach(p -> names.add(p.name()));
      c.deviceProfiles().forEach(p -> names.add(p.name()));
      c.endUsers().forEach(u -> names.add(u.userId()));
      if (c.emccDevices() != null) {
        c.emccDevices().names().forEach(names::add);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("empty workspace");
    }
  }
}
