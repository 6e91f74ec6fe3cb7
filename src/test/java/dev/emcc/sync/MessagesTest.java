package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the node, sync and axl packages exists in English and in Japanese. */
class MessagesTest {
  static Properties load(String resource) throws Exception {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/emcc/node/messages", "/dev/emcc/sync/messages", "/dev/emcc/axl/messages"})
  void englishAndJapaneseHaveTheSameKeys(String bundle) throws Exception {
    Properties en = load(bundle + ".properties");
    Properties ja = load(bundle + "_ja.properties");
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String k : ja.stringPropertyNames()) {
      assertThat(ja.getProperty(k)).as(k).isNotBlank().isNotEqualTo(en.getProperty(k));
    }
  }
}
