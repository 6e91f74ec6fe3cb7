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

  /** A count is said as English says it ("1 problem", "3 problems"), not "3 problem(s)". */
  @Test
  void countsAreSaidInTheirNumber() throws IOException {
    Properties en = load("messages.properties");
    assertThat(en.stringPropertyNames()).filteredOn(k -> en.getProperty(k).contains("(s)")).isEmpty();
    assertThat(new java.text.MessageFormat(en.getProperty("status.ready"), java.util.Locale.ENGLISH)
        .format(new Object[] {"w.db", 1})).isEqualTo("w.db is ready: 1 problem found.");
    assertThat(new java.text.MessageFormat(en.getProperty("problems.count"), java.util.Locale.ENGLISH)
        .format(new Object[] {1200})).startsWith("1,200 problems.");
    assertThat(new java.text.MessageFormat(en.getProperty("list.notSaved"), java.util.Locale.ENGLISH)
        .format(new Object[] {1})).isEqualTo("Not saved: 1 field needs attention.");
  }

  @Test
  void theConsoleDoesNotRepeatTheSchemasWords() throws IOException {
    Properties en = load("messages.properties");
    assertThat(en.stringPropertyNames()).noneMatch(k -> k.startsWith("window.") || k.startsWith("path.")
        || k.startsWith("nav.") || k.startsWith("sec.") || k.startsWith("opt.")
        || k.startsWith("f.") && !k.startsWith("f.dual."));
  }
}
