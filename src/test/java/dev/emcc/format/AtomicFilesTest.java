package dev.emcc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesOwnerOnlyIntoANewFolderAndReplacesWhatWasThere() throws Exception {
    Path file = dir.resolve("sub/nodes.json");
    AtomicFiles.writeOwnerOnly(file, "first".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.writeOwnerOnly(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
    assertThat(file).hasContent("second");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    assertThat(names(file.getParent())).containsExactly("nodes.json");
  }

  @Test
  void aWriterMayCloseTheStreamItIsGiven() throws Exception {
    Path file = dir.resolve("base.json");
    AtomicFiles.writeOwnerOnly(file, out -> {
      try (var g = Json.mapper().getFactory().createGenerator(out)) {
        g.writeStartObject();
        g.writeNumberField("formatVersion", 1);
        g.writeEndObject();
      }
    });
    assertThat(file).hasContent("{\"formatVersion\":1}");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws Exception {
    Path file = dir.resolve("workspace.json");
    AtomicFiles.writeOwnerOnly(file, "kept".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> AtomicFiles.writeOwnerOnly(file, out -> {
      out.write(new byte[100_000]);
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(file).hasContent("kept");
    assertThat(names(dir)).containsExactly("workspace.json");
  }

  private static java.util.List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
