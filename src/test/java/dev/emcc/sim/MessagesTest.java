package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Both languages carry the same message keys; phone displays keep the login or logout half. */
class MessagesTest {

  static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseHaveTheSameKeys() throws Exception {
    Properties en = load("messages.properties");
    Properties ja = load("messages_ja.properties");
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String k : en.stringPropertyNames()) {
      if (!k.startsWith("text.hop")) {
        assertThat(ja.getProperty(k)).as(k).isNotEqualTo(en.getProperty(k));
      }
    }
  }

  @Test
  void japaneseTextsAreJapanese() {
    assertThat(Messages.ja("home.pin.fail", "alice")).isEqualTo("alice の PIN が違います。");
    assertThat(Messages.en("home.pin.fail", "alice")).isEqualTo("Wrong PIN for alice.");
    assertThat(Messages.en("pool.noMatch", "TOKYO", "DP")).contains("phone's geolocation");
  }

  @Test
  void phoneDisplayKeepsTheHalfThatFitsTheRequest() {
    String cell = "Login is unavailable (5) Logout is unavailable (5)";
    assertThat(PhoneDisplay.pick(cell, false)).isEqualTo("Login is unavailable (5)");
    assertThat(PhoneDisplay.pick(cell, true)).isEqualTo("Logout is unavailable (5)");
    assertThat(PhoneDisplay.pick("ログインできません (5) ログアウトできません (5)", true)).isEqualTo("ログアウトできません (5)");
    assertThat(PhoneDisplay.pick("Login is unsuccessful (45)", true)).isEqualTo("Login is unsuccessful (45)");
  }

  @Test
  void everyErrorHasADisplayInBothLanguages() {
    String[] d = PhoneDisplay.of(EmccError.service(2), false);
    assertThat(d[0]).contains("2");
    assertThat(d[1]).contains("2");
    assertThat(d[1]).isNotEqualTo(d[0]);
  }
}
