package dev.emcc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema's words in both languages, once: every window has its title and menu path, every
 * menu, section, field (label and help) and option its text, and the Japanese labels are the seed's.
 */
class SchemaMessagesTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = SchemaMessagesTest.class.getResourceAsStream("/dev/emcc/schema/" + name)) {
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
  void everyWindowMenuSectionFieldAndOptionHasItsTexts() throws IOException {
    Properties en = load("messages.properties");
    Properties ja = load("messages_ja.properties");
    List<String> keys = new ArrayList<>();
    for (Window w : Windows.ALL) {
      keys.add(w.titleKey());
      keys.add(w.pathKey());
      keys.addAll(w.menu());
      w.sections().forEach(s -> keys.add(s.titleKey()));
      for (Field f : w.fields()) {
        Stream.concat(Stream.of(f), f.columns().stream()).forEach(x -> {
          keys.add(x.labelKey());
          keys.add(x.helpKey());
          x.options().forEach(o -> keys.add("opt." + o));
          if (x.constraints().pattern() != null) {
            keys.add(x.constraints().pattern().message());
          }
        });
      }
    }
    assertThat(keys).hasSizeGreaterThan(400);
    List<String> missing = keys.stream().filter(k -> !en.containsKey(k) || !ja.containsKey(k)).distinct().toList();
    assertThat(missing).isEmpty();
  }

  @Test
  void japaneseLabelsComeFromTheSeed() throws IOException {
    Properties ja = load("messages_ja.properties");
    assertThat(ja.getProperty(DeviceProfileFields.NAME.labelKey())).isEqualTo("デバイスプロファイル名");
    assertThat(ja.getProperty(DeviceProfileFields.NAME.helpKey())).startsWith("一意の名前を入力します。");
    assertThat(ja.getProperty(EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_INTERVAL.helpKey()))
        .contains("デフォルト値は 30 です。有効な値の範囲は 15 ~ 10,080 分です。");
    assertThat(ja.getProperty(EndUserFields.ENABLE_EMCC.labelKey())).isEqualTo("クラスタ間のエクステンションモビリティの有効化");
  }

  @Test
  void aFieldArgumentReadsAsItsLabelInEachLanguage() {
    assertThat(Texts.label(PhoneFields.NAME, "en")).isEqualTo("Device Name");
    assertThat(Texts.label(PhoneFields.NAME, "ja")).isEqualTo("デバイス名");
  }
}
