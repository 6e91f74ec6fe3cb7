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

  /** Issue 13 items 5, 6, 14: the seed's words where the console had its own (lines 677-680, 696, 274). */
  @Test
  void theEmServiceParametersThePinFlagAndTheBulkMenuAreTheSeedsWords() throws IOException {
    Properties ja = load("messages_ja.properties");
    Properties en = load("messages.properties");
    assertThat(ja.getProperty(EmServiceParametersFields.MAXIMUM_CONCURRENT_REQUESTS.labelKey())).isEqualTo("同時要求の最大数");
    assertThat(ja.getProperty(EmServiceParametersFields.TRUSTED_IPS.labelKey())).isEqualTo("信頼された Ips のリスト");
    assertThat(ja.getProperty(EmServiceParametersFields.ALLOW_PROXY.labelKey())).isEqualTo("プロキシを許可する");
    assertThat(ja.getProperty(EndUserFields.PIN_MUST_CHANGE.labelKey())).isEqualTo("次回ログイン時に変更必要");
    assertThat(en.getProperty(EndUserFields.PIN_MUST_CHANGE.labelKey())).isEqualTo("User Must Change at Next Login");
    assertThat(ja.getProperty(Windows.CERTIFICATES.pathKey())).endsWith("証明書の一括管理");
    // the seed's misprint stays word for word, with a note that says what it means
    assertThat(ja.getProperty(DeviceProfileFields.NAME.helpKey())).contains("最大 50 文字まで使用できません。")
        .contains("製品ドキュメントでは「使用できません」と印刷されています");
    assertThat(en.getProperty(DeviceProfileFields.NAME.helpKey())).contains("The product documentation prints");
    // item 12: the trunk window shows the seed's Trunk Type, fixed to SIP Trunk
    assertThat(SipTrunkFields.TRUNK_TYPE.kind()).isEqualTo(FieldKind.FIXED);
    assertThat(Windows.SIP_TRUNK.fields()).startsWith(SipTrunkFields.TRUNK_TYPE);
    assertThat(ja.getProperty(SipTrunkFields.TRUNK_TYPE.labelKey())).isEqualTo("トランク タイプ");
    assertThat(ja.getProperty("opt." + SipTrunkFields.TRUNK_TYPE.defaultValue())).isEqualTo("SIP トランク");
    assertThat(en.getProperty("opt." + SipTrunkFields.TRUNK_TYPE.defaultValue())).isEqualTo("SIP Trunk");
  }

  @Test
  void aFieldArgumentReadsAsItsLabelInEachLanguage() {
    assertThat(Texts.label(PhoneFields.NAME, "en")).isEqualTo("Device Name");
    assertThat(Texts.label(PhoneFields.NAME, "ja")).isEqualTo("デバイス名");
  }
}
