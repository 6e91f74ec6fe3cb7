package dev.emcc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is read streamed; what it holds and what is wrong with it read exactly as from its bytes. */
class FileReadTest {
  @TempDir Path dir;

  private static String doc(String body) {
    return "{\n  \"formatVersion\": 1,\n  \"clusters\": [\n    {\n      \"clusterId\": \"A\",\n" + body + "    }\n  ]\n}\n";
  }

  @Test
  void aFileReadsAsItsBytes() throws Exception {
    Workspace ws = WorkspaceGenerator.generate(300, 250, 120, 30, 2, 5);
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(ws, file);
    assertThat(WorkspaceFormat.read(file)).isEqualTo(ws).isEqualTo(WorkspaceFormat.read(Files.readAllBytes(file), "x"));
  }

  @Test
  void problemsInAFileArePlacedAsInItsBytes() throws Exception {
    List<String> bad = List.of(
        doc("      \"clusterId\": \"B\"\n"),
        doc("      \"maxPhones\": \"60000\"\n"),
        doc("      \"phones\": [ { \"name\": \"SEP001122334455\", \"subscribedServices\": [\"EM\", null] } ]\n"),
        doc("      \"maxPhone\": 60000\n"),
        doc("      \"nodes\": [ { \"publisher\": null } ]\n"),
        "{\n  \"formatVersion\": 2,\n  \"clusters\": []\n}\n",
        "{\n  \"clusters\": []\n}\n",
        "{ \"formatVersion\": 1, \"clusters\": [ { \"clusterId\": \"A\" ",
        "{ \"formatVersion\": 1, \"clusters\": [] } []",
        "");
    for (int i = 0; i < bad.size(); i++) {
      String text = bad.get(i);
      Path file = dir.resolve("bad-" + i + ".json");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      DocumentException fromFile = catchThrowableOfType(DocumentException.class, () -> WorkspaceFormat.read(file));
      DocumentException fromBytes = catchThrowableOfType(DocumentException.class,
          () -> WorkspaceFormat.read(text, file.toString()));
      assertThat(fromBytes).as("refused: %s", text).isNotNull();
      assertThat(fromFile).as("refused from the file: %s", text).isNotNull();
      assertThat(fromFile.getMessage()).as(text).isEqualTo(fromBytes.getMessage());
    }
  }
}
