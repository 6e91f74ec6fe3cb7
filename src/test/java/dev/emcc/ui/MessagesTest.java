package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every console text in both languages: the two bundles have the same keys, and every two-list
 * field has its list headers. (The schema's words are checked in schema.SchemaMessagesTest.)
 */
class MessagesTest {
  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/emcc/ui/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(load("messages_ja.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void everyTwoListFieldHasItsListHeaders() throws IOException {
    Properties en = load("messages.properties");
    List<String> missing = new ArrayList<>();
    for (Window w : Windows.ALL) {
      for (Field f : w.fields()) {
        for (String key : List.of("f.dual.available." + f.key(), "f.dual.chosen." + f.key())) {
          if (f.kind() == FieldKind.DUAL && !en.containsKey(key)) {
            missing.add(key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theConsoleDoesNotRepeatTheSchemasWords() throws IOException {
    Properties en = load("messages.properties");
    assertThat(en.stringPropertyNames()).noneMatch(k -> k.startsWith("window.") || k.startsWith("path.")
        || k.startsWith("nav.") || k.startsWith("sec.") || k.startsWith("opt.")
        || k.startsWith("f.") && !k.startsWith("f.dual."));
  }
}
