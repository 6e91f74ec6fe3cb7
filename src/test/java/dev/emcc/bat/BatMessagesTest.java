package dev.emcc.bat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of BAT import and export and of their console dialogs, in both languages. */
class BatMessagesTest {
  @ParameterizedTest
  @ValueSource(strings = {"/dev/emcc/bat/", "/dev/emcc/ui/bat/"})
  void bothLanguagesHaveTheSameKeys(String bundle) throws IOException {
    assertThat(load(bundle + "messages_ja.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load(bundle + "messages.properties").stringPropertyNames());
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BatMessagesTest.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
