package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  @Test
  void pathsCompareIndicesAsNumbers() {
    List<String> paths = new ArrayList<>(List.of("$.clusters[1].phones[0].name", "$.clusters[0].phones[10].name",
        "$.clusters[0].phones[9].name", "$.clusters[0].maxPhones", "$.clusters[0].phones[9]"));
    paths.sort(Validator::comparePaths);
    assertThat(paths).containsExactly("$.clusters[0].maxPhones", "$.clusters[0].phones[9]",
        "$.clusters[0].phones[9].name", "$.clusters[0].phones[10].name", "$.clusters[1].phones[0].name");
  }

  @Test
  void diagnosticsComeSortedByClusterAndPath() {
    Workspace ws = Fixtures.baseline();
    var tokyo = ws.clusters().get(0);
    var osaka = ws.clusters().get(1);
    ws = ws.withCluster(osaka.withInterclusterServiceProfile(new InterclusterServiceProfile(false, true, "EMCC_TRUNK",
        true, "EMCC_TRUNK")));
    ws = ws.withCluster(tokyo.withPhones(replace(replace(tokyo.phones(), 5, p -> p.withEnableExtensionMobility(false)),
        1, p -> p.withEnableExtensionMobility(false))).withMaxPhones(20));
    List<Diagnostic> found = Fixtures.all(ws);
    assertThat(found).extracting(Diagnostic::path).containsExactly(
        "$.clusters[0].emccDevices.names",
        "$.clusters[0].phones[1].enableExtensionMobility",
        "$.clusters[0].phones[5].enableExtensionMobility",
        "$.clusters[1].interclusterServiceProfile.emccActive");
    assertThat(found).extracting(Diagnostic::cluster).containsExactly("TOKYO", "TOKYO", "TOKYO", "OSAKA");
    assertThat(Validator.hasErrors(found)).isTrue();
  }

  @Test
  void warningsAreNotErrors() {
    Workspace ws = Fixtures.first(c -> c.withPhones(replace(c.phones(), 0, p -> p.withEnableExtensionMobility(false))));
    assertThat(Validator.hasErrors(Fixtures.all(ws))).isFalse();
  }

  @Test
  void englishAndJapaneseBundlesHaveTheSameKeys() throws IOException {
    Properties en = load("messages.properties");
    Properties ja = load("messages_ja.properties");
    assertThat(new TreeSet<>(ja.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    for (String key : en.stringPropertyNames()) {
      if (!key.startsWith("severity.")) {
        assertThat(ja.getProperty(key)).as(key).isNotEqualTo(en.getProperty(key));
      }
    }
  }

  @Test
  void everyRuleIdHasItsMessages() throws IllegalAccessException {
    Properties en;
    try {
      en = load("messages.properties");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Set<String> ids = new TreeSet<>();
    for (Rule rule : Validator.allRules()) {
      for (Field f : rule.getClass().getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          ids.add((String) f.get(null));
        }
      }
    }
    assertThat(ids).hasSizeGreaterThan(60);
    for (String id : ids) {
      // the limits' messages are the schema's (the form shows them too)
      boolean has = en.containsKey(id) || en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(id + "."))
          || dev.emcc.schema.Texts.has(id) || dev.emcc.schema.Texts.has(id + ".directoryNumber");
      assertThat(has).as("message for " + id).isTrue();
    }
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ValidatorTest.class.getResourceAsStream("/dev/emcc/rules/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
