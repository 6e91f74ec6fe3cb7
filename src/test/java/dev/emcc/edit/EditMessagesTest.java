package dev.emcc.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The edit service's texts exist in English and Japanese, key for key, and read as sentences. */
class EditMessagesTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (var in = new InputStreamReader(EditMessagesTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void everyKeyInBothLanguagesAndTranslated() throws Exception {
    Properties en = load("messages.properties");
    Properties ja = load("messages_ja.properties");
    assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(ja.getProperty(key)).as(key).isNotEqualTo(en.getProperty(key)).matches(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*");
    }
  }

  @Test
  void formatsInEitherLanguage() {
    assertThat(EditMessages.format(Locale.ENGLISH, "edit.refused", "import x.json", 2))
        .isEqualTo("Nothing was saved: import x.json would bring 2 validation errors:");
    assertThat(EditMessages.format(Locale.JAPANESE, "edit.refused", "import x.json", 2))
        .isEqualTo("何も保存していません: import x.json により検証エラーが 2 件増えます:");
  }
}
