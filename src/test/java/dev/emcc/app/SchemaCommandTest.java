package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.schema.Field;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code emcc schema}: every window and field, as text in either language, as JSON, and as docs/fields.md. */
class SchemaCommandTest {
  @Test
  void jsonListsEveryWindowAndEveryField() throws Exception {
    CliRun run = CliRun.of("schema", "--json");
    assertThat(run.code()).isZero();
    JsonNode windows = Json.mapper().readTree(run.out()).get("windows");
    assertThat(windows).hasSize(Windows.ALL.size());
    for (int i = 0; i < Windows.ALL.size(); i++) {
      Window w = Windows.ALL.get(i);
      JsonNode jw = windows.get(i);
      assertThat(jw.get("id").asText()).isEqualTo(w.id());
      List<String> keys = new ArrayList<>();
      jw.get("sections").forEach(s -> s.get("fields").forEach(f -> keys.add(f.get("key").asText())));
      assertThat(keys).containsExactlyElementsOf(w.fields().stream().map(Field::key).toList());
    }
    JsonNode name = field(windows, "deviceProfile", "name");
    assertThat(name.get("label").get("en").asText()).isEqualTo("Device Profile Name");
    assertThat(name.get("label").get("ja").asText()).isEqualTo("デバイスプロファイル名");
    assertThat(name.get("kind").asText()).isEqualTo("text");
    assertThat(name.get("constraints").get("required").asBoolean()).isTrue();
    assertThat(name.get("constraints").get("maxLength").asInt()).isEqualTo(50);
    assertThat(name.get("external").has("axl")).isTrue();
    assertThat(name.get("external").has("bat")).isTrue();
    JsonNode interval = field(windows, "emccFeatureConfig", "remoteClusterUpdateIntervalMinutes");
    assertThat(interval.get("default").asText()).isEqualTo("30");
    assertThat(interval.get("constraints").get("min").asInt()).isEqualTo(15);
    assertThat(interval.get("constraints").get("max").asInt()).isEqualTo(10080);
    assertThat(field(windows, "deviceProfile", "lines").get("columns")).hasSize(3);
  }

  private static JsonNode field(JsonNode windows, String window, String key) {
    for (JsonNode w : windows) {
      if (w.get("id").asText().equals(window)) {
        for (JsonNode s : w.get("sections")) {
          for (JsonNode f : s.get("fields")) {
            if (f.get("key").asText().equals(key)) {
              return f;
            }
          }
        }
      }
    }
    throw new AssertionError(window + "." + key);
  }

  @Test
  void textInEitherLanguage() {
    CliRun en = CliRun.of("schema");
    assertThat(en.code()).isZero();
    assertThat(en.out()).contains("Device Profile  [deviceProfile]",
        "Cisco Unified CM Administration > Device > Device Settings > Device Profile", "required; at most 50 characters");
    Windows.ALL.forEach(w -> assertThat(en.out()).contains("[" + w.id() + "]"));
    CliRun ja = CliRun.of("schema", "--lang", "ja");
    assertThat(ja.out()).contains("デバイスプロファイル名", "必須; 最大 50 文字", "デフォルト 30");
  }

  @Test
  void jsonAndMarkdownTogetherIsAUsageError() {
    CliRun run = CliRun.of("schema", "--json", "--markdown");
    assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--json and --markdown");
  }

  /** docs/fields.md is what {@code emcc schema --markdown} prints now: regenerate it when the schema changes. */
  @Test
  void theFieldReferenceInTheDocsIsCurrent() throws Exception {
    String docs = Files.readString(Path.of("docs/fields.md"), StandardCharsets.UTF_8);
    assertThat(docs).as("docs/fields.md is stale: java -jar target/emcc-console.jar schema --markdown > docs/fields.md")
        .isEqualTo(CliRun.of("schema", "--markdown").out());
  }
}
