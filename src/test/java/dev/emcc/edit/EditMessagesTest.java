package dev.emcc.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The edit service's texts exist in English and Japanese, key for key, and read as sentences. */
class EditMessagesTest {
  /** One file of the bundle on its own (no parent to fall back on), read as UTF-8. */
  private static ResourceBundle file(String name) throws Exception {
    try (InputStream in = EditMessagesTest.class.getResourceAsStream(name)) {
      return new PropertyResourceBundle(in);
    }
  }

  @Test
  void everyKeyInBothLanguagesAndTranslated() throws Exception {
    ResourceBundle en = file("messages.properties");
    ResourceBundle ja = file("messages_ja.properties");
    assertThat(ja.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    en.keySet().forEach(key -> assertThat(ja.getString(key)).as(key).isNotEqualTo(en.getString(key))
        .matches(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*"));
  }

  @Test
  void formatsInEitherLanguage() {
    assertThat(EditMessages.format(Locale.ENGLISH, "edit.refused", "import x.json", 2))
        .isEqualTo("Nothing was saved: import x.json would bring 2 validation errors:");
    assertThat(EditMessages.format(Locale.JAPANESE, "edit.refused", "import x.json", 2))
        .isEqualTo("何も保存していません: import x.json により検証エラーが 2 件増えます:");
  }
}
