package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.ui.forms.FieldKind;
import dev.emcc.ui.forms.FieldSpec;
import dev.emcc.ui.forms.FormSpec;
import dev.emcc.ui.forms.FormSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text in both languages: the two bundles have the same keys, and every form field has its label and help. */
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
  void everyFieldOfEveryWindowHasLabelAndHelpInBothLanguages() throws IOException {
    Properties en = load("messages.properties");
    Properties ja = load("messages_ja.properties");
    List<String> missing = new ArrayList<>();
    for (FormSpec spec : FormSpecs.all().values()) {
      for (String key : List.of(spec.titleKey(), "path." + spec.window())) {
        if (!en.containsKey(key) || !ja.containsKey(key)) {
          missing.add(key);
        }
      }
      spec.sections().forEach(s -> {
        if (!en.containsKey(s.titleKey())) {
          missing.add(s.titleKey());
        }
      });
      for (FieldSpec f : spec.fields()) {
        for (String key : List.of(f.labelKey(spec.window()), f.helpKey(spec.window()))) {
          if (!en.containsKey(key) || !ja.containsKey(key)) {
            missing.add(key);
          }
        }
        if (f.kind() == FieldKind.CHOICE || f.kind() == FieldKind.DUAL && !f.options().isEmpty()) {
          f.options().stream().map(o -> "opt." + o).filter(k -> !en.containsKey(k)).forEach(missing::add);
        }
        if (f.kind() == FieldKind.DUAL && !en.containsKey("f.dual.available." + f.key())) {
          missing.add("f.dual.available." + f.key());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void japaneseLabelsComeFromTheSeed() throws IOException {
    Properties ja = load("messages_ja.properties");
    assertThat(ja.getProperty("f.deviceProfile.name")).isEqualTo("デバイスプロファイル名");
    assertThat(ja.getProperty("f.deviceProfile.name.help")).startsWith("一意の名前を入力します。");
    assertThat(ja.getProperty("f.emccFeatureConfig.remoteClusterUpdateIntervalMinutes.help"))
        .contains("デフォルト値は 30 です。有効な値の範囲は 15 ~ 10,080 分です。");
    assertThat(ja.getProperty("f.endUser.enableExtensionMobilityCrossCluster")).isEqualTo("クラスタ間のエクステンションモビリティの有効化");
  }
}
