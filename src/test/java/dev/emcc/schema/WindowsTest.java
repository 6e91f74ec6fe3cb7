package dev.emcc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one list of windows holds together: ids, fields, references and the field constants rules use. */
class WindowsTest {
  private final Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();

  @Test
  void everyFieldKeyIsAKeyOfTheWindowsObjects() {
    for (Window w : Windows.ALL) {
      if (w.binding() == null) {
        continue;
      }
      Object sample = w.binding() instanceof CollectionBinding<?> c ? c.blank().get()
          : ((SingletonBinding<?>) w.binding()).get().apply(tokyo);
      JsonNode node = WorkspaceFormat.toTree(sample);
      for (Field f : w.fields()) {
        if (f.kind() == FieldKind.PIN || f.kind() == FieldKind.FIXED) {
          continue; // a PIN is written only when typed (the object keeps pinHash); a fixed fact not at all
        }
        JsonNode at = node;
        for (String part : f.key().split("\\.")) {
          assertThat(at.has(part)).as(w.id() + "." + f.key()).isTrue();
          at = at.get(part);
        }
      }
    }
  }

  @Test
  void everyReferenceNamesAWindowWithAList() {
    for (Window w : Windows.ALL) {
      for (Field f : w.fields()) {
        if (f.refersTo() != null) {
          assertThat(Windows.get(f.refersTo())).as(w.id() + "." + f.key()).isPresent();
          assertThat(Windows.of(f.refersTo()).collection()).as(w.id() + "." + f.key()).isPresent();
        }
        assertThat(f.window()).isEqualTo(w.id());
      }
    }
  }

  @Test
  void everyCollectionIsNamedByOneOfItsFields() {
    assertThat(Windows.collections()).hasSize(14);
    for (Window w : Windows.collections()) {
      Field name = w.field(w.collection().orElseThrow().nameKey()).orElseThrow();
      assertThat(name.required()).as(w.id()).isTrue();
    }
  }

  /** A field constant that is not in its window's sections could be named by a rule and point nowhere. */
  @Test
  void everyFieldConstantIsAFieldOfItsWindow() throws Exception {
    List<Field> constants = new ArrayList<>();
    for (Class<?> type : fieldsClasses()) {
      for (java.lang.reflect.Field c : type.getFields()) {
        if (Modifier.isStatic(c.getModifiers()) && c.getType() == Field.class) {
          constants.add((Field) c.get(null));
        }
      }
    }
    assertThat(constants).hasSizeGreaterThan(140);
    for (Field f : constants) {
      Window w = Windows.of(f.window());
      boolean listed = w.fields().contains(f)
          || w.fields().stream().anyMatch(t -> t.key().equals(f.parent()) && t.columns().contains(f));
      assertThat(listed).as(f.window() + "." + f.key()).isTrue();
    }
  }

  @Test
  void everyWindowIsInTheListOnce() {
    assertThat(Windows.ALL.stream().map(Window::id).distinct()).hasSameSizeAs(Windows.ALL);
    assertThat(Windows.ALL).hasSize(28);
  }

  private static List<Class<?>> fieldsClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(Windows.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("dev/emcc/schema");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith("Fields.class")) {
          out.add(Class.forName("dev.emcc.schema." + name.substring(0, name.length() - ".class".length())));
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(18);
    return out;
  }
}
