package dev.emcc.bat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every BAT import and export text in both languages. */
class BatMessagesTest {
  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(load("messages_ja.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BatMessagesTest.class.getResourceAsStream("/dev/emcc/bat/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
