package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.wire.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace file's cluster as objects, reading only the elements whose bytes the base's index
 * of the file does not know: the same objects and digests as reading the whole file.
 */
class FileObjectsTest {
  @TempDir
  Path dir;

  private final Workspace ws = WorkspaceGenerator.generate(600, 300, 200, 50, 2, 5);


  @Test
  void aFirstScanReadsEveryElementAndASecondOnlyTheChangedOnes() throws Exception {
    byte[] file = WorkspaceFormat.toBytes(ws);
    String id = ws.clusters().get(0).clusterId();
    FileObjects.Scan first = FileObjects.scan(file, id, new FileIndex());
    assertThat(first).isNotNull();
    int elements = first.index().parts().values().stream().mapToInt(List::size).sum();
    assertThat(first.read()).isEqualTo(elements).isGreaterThan(1_000);
    ScannedObjects.assertSameAsTheWholeCluster(first.objects(), ws.clusters().get(0));

    Cluster c = ws.clusters().get(0);
    List<Phone> phones = new ArrayList<>(c.phones());
    for (int i : new int[] {3, 150, 299}) {
      phones.set(i, phones.get(i).withModel("Cisco 7841"));
    }
    Workspace edited = ws.withCluster(c.withPhones(phones));
    FileObjects.Scan second = FileObjects.scan(WorkspaceFormat.toBytes(edited), id, first.index());
    assertThat(second.read()).isEqualTo(3);
    ScannedObjects.assertSameAsTheWholeCluster(second.objects(), edited.clusters().get(0));
    // an element of the other cluster changed is read (checked) too, though it is not pushed
    Cluster other = edited.clusters().get(1);
    List<Phone> otherPhones = new ArrayList<>(other.phones());
    otherPhones.set(0, otherPhones.get(0).withModel("Cisco 7811"));
    FileObjects.Scan third = FileObjects.scan(WorkspaceFormat.toBytes(edited.withCluster(other.withPhones(otherPhones))),
        id, second.index());
    assertThat(third.read()).isEqualTo(1);
  }

  @Test
  void insertedRemovedAndMovedElementsAreFoundByTheirBytes() throws Exception {
    String id = ws.clusters().get(0).clusterId();
    FileObjects.Scan first = FileObjects.scan(WorkspaceFormat.toBytes(ws), id, new FileIndex());
    Cluster c = ws.clusters().get(0);
    List<Phone> phones = new ArrayList<>(c.phones());
    Phone moved = phones.remove(10);
    phones.add(moved);
    phones.remove(0);
    phones.add(0, new Phone("SEP0000000BEEF", "new", "Cisco 8865", phones.get(0).protocol(), true, List.of(),
        null, phones.get(0).devicePool(), null, null));
    Workspace edited = ws.withCluster(c.withPhones(phones));
    FileObjects.Scan second = FileObjects.scan(WorkspaceFormat.toBytes(edited), id, first.index());
    assertThat(second.read()).isEqualTo(1);
    ScannedObjects.assertSameAsTheWholeCluster(second.objects(), edited.clusters().get(0));
  }

  @Test
  void aFileWrittenByHandIsReadAsTheSameObjects() throws Exception {
    String id = ws.clusters().get(0).clusterId();
    // compact instead of indented, keys of one phone in another order
    String text = new String(WorkspaceFormat.toBytes(ws), StandardCharsets.UTF_8).replaceAll("\\n\\s*", "");
    Phone p = ws.clusters().get(0).phones().get(5);
    String reordered = text.replace("{\"name\":\"" + p.name() + "\",", "{\"model\":\"" + p.model() + "\",\"name\":\""
        + p.name() + "\",").replace("\"model\":\"" + p.model() + "\",\"protocol\"", "\"protocol\"");
    FileObjects.Scan scan = FileObjects.scan(reordered.getBytes(StandardCharsets.UTF_8), id, new FileIndex());
    assertThat(scan).isNotNull();
    ScannedObjects.assertSameAsTheWholeCluster(scan.objects(), ws.clusters().get(0));
  }

  @Test
  void aBrokenElementAnywhereGivesTheScanUpAndThePushReportsItAsBefore() throws Exception {
    String id = ws.clusters().get(0).clusterId();
    byte[] file = WorkspaceFormat.toBytes(ws);
    FileObjects.Scan first = FileObjects.scan(file, id, new FileIndex());
    String other = ws.clusters().get(1).phones().get(2).name();
    String broken = new String(file, StandardCharsets.UTF_8).replace("\"name\" : \"" + other + "\"",
        "\"name\" : \"" + other + "\", \"modle\" : 1");
    assertThat(broken).isNotEqualTo(new String(file, StandardCharsets.UTF_8));
    assertThat(FileObjects.scan(broken.getBytes(StandardCharsets.UTF_8), id, first.index())).isNull();

    Path path = dir.resolve("ws.json");
    Files.writeString(path, broken);
    Syncer syncer = new Syncer(LocalWorkspace.file(path), SyncTest.QUICK);
    assertThatThrownBy(() -> syncer.push(List.of(), id)).isInstanceOf(DocumentException.class)
        .hasMessageContaining("modle");
  }

  @Test
  void quotesEscapesBracesAndUtf8InStringsAtEveryOffsetKeepTheElementsApart() throws Exception {
    Cluster c = ws.clusters().get(0);
    List<Phone> phones = new ArrayList<>(c.phones());
    for (int i = 0; i < 24; i++) {
      // the scan steps over strings and elements eight bytes at a time: every offset of the specials
      String padding = "x".repeat(i % 9);
      phones.set(i, PlanOfTheChangeTest.described(phones.get(i), padding + "a\"}]{[ \\ \u00e9 \u65e5\u672c \"{" + i));
    }
    Workspace edited = ws.withCluster(c.withPhones(phones));
    byte[] file = WorkspaceFormat.toBytes(edited);
    FileObjects.Scan scan = FileObjects.scan(file, c.clusterId(), new FileIndex());
    assertThat(scan).isNotNull();
    ScannedObjects.assertSameAsTheWholeCluster(scan.objects(), edited.clusters().get(0));
    assertThat(FileObjects.scan(file, c.clusterId(), scan.index()).read()).isZero();
    // a raw control character in a string, wherever it falls in a word, is not JSON
    String text = new String(file, StandardCharsets.UTF_8);
    for (int i = 0; i < 9; i++) {
      String description = "\"" + "x".repeat(i % 9) + "a\\\"}";
      int at = text.indexOf(description);
      assertThat(at).as(description).isPositive();
      String broken = text.substring(0, at + 1 + i) + "\t" + text.substring(at + 1 + i);
      assertThat(FileObjects.scan(broken.getBytes(StandardCharsets.UTF_8), c.clusterId(), scan.index())).isNull();
    }
  }

  @Test
  void aSkeletonThatIsNotJsonGivesTheScanUpEvenWhenEveryElementIsKnown() throws Exception {
    String id = ws.clusters().get(0).clusterId();
    String text = new String(WorkspaceFormat.toBytes(ws), StandardCharsets.UTF_8);
    FileIndex known = FileObjects.scan(text.getBytes(StandardCharsets.UTF_8), id, new FileIndex()).index();
    String phones = "\"phones\" : [ ";
    int at = text.indexOf(phones);
    int end = text.indexOf("} ]", at);
    for (String broken : List.of(
        text.substring(0, end + 1) + ", ]" + text.substring(end + 3),         // a comma before ]
        text.replaceFirst("\\}, \\{", "} {"),                                // a missing comma
        text.replaceFirst("\\}, \\{", "}, x {"),                             // something between elements
        text.substring(0, text.length() - 2),                                 // cut short
        text + " x",                                                          // trailing words
        text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"))) {
      assertThat(broken).isNotEqualTo(text);
      assertThat(FileObjects.scan(broken.getBytes(StandardCharsets.UTF_8), id, known)).as(broken.substring(0, 40)).isNull();
      Path path = dir.resolve("broken.json");
      Files.writeString(path, broken);
      assertThatThrownBy(() -> new Syncer(LocalWorkspace.file(path), SyncTest.QUICK).push(List.of(), id))
          .isInstanceOf(DocumentException.class);
    }
  }

  @Test
  void aClusterNotInTheFileOrAFileOfAnotherShapeIsLeftToTheUsualReading() {
    byte[] file = WorkspaceFormat.toBytes(ws);
    assertThat(FileObjects.scan(file, "NOWHERE", new FileIndex())).isNull();
    assertThat(FileObjects.scan("{\"clusters\": []}".getBytes(StandardCharsets.UTF_8), "X", new FileIndex())).isNull();
    assertThat(FileObjects.scan("[1, 2]".getBytes(StandardCharsets.UTF_8), "X", new FileIndex())).isNull();
  }

  @Test
  void theIndexIsKeptInTheBaseAndADamagedPartIsReadAgain() throws Exception {
    Path path = dir.resolve("ws.json");
    WorkspaceFormat.write(ws, path);
    String id = ws.clusters().get(0).clusterId();
    LocalWorkspace.FileWorkspace local = (LocalWorkspace.FileWorkspace) LocalWorkspace.file(path);
    SyncBase base = SyncBase.load(local.baseFile());
    Map<ObjectKey, LocalObjects.Local> objects = local.objects(id, base).objects();
    ScannedObjects.assertSameAsTheWholeCluster(objects, ws.clusters().get(0));
    FileIndex kept = SyncBase.load(local.baseFile()).fileIndex();
    assertThat(kept.parts()).isNotEmpty();
    assertThat(FileObjects.scan(Files.readAllBytes(path), id, kept).read()).isZero();
    // the rows as another process finds them
    try (var c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + local.baseFile());
        var st = c.createStatement()) {
      st.executeUpdate("UPDATE file_index SET data = X'00000001' WHERE part LIKE '%phones'");
      st.executeUpdate("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
    }
    SyncBase reread = SyncBase.load(local.baseFile());
    FileObjects.Scan again = FileObjects.scan(Files.readAllBytes(path), id, reread.fileIndex());
    assertThat(again.read()).isEqualTo(ws.clusters().stream().mapToInt(c -> c.phones().size()).sum());
    ScannedObjects.assertSameAsTheWholeCluster(again.objects(), ws.clusters().get(0));
  }
}
