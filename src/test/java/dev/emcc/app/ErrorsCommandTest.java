package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ErrorsCommandTest {
  private static final List<String> JSON_KEYS = List.of("code", "source", "phoneDisplay", "phoneDisplayJa",
      "shortDescription", "shortDescriptionJa", "cause", "causeJa", "internal", "note");
  /** Tables 9 and 10 of the seed. */
  private static final List<Integer> SEED_CODES = List.of(201, 202, 204, 205, 207, 208, 210, 211, 212,
      213, 215, 216, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 18, 19, 20, 21, 22, 23, 25, 26, 28, 29, 30,
      31, 32, 33, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47);


  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static ErrorEntry entry(int code) {
    return ErrorCatalog.standard().entries().stream().filter(e -> e.code() == code).findFirst().orElseThrow();
  }

  @Test
  void everySeedCodeIsFoundInEnglish() {
    for (int code : SEED_CODES) {
      CliRun r = run("errors", String.valueOf(code), "--lang", "en");
      ErrorEntry e = entry(code);
      assertThat(r.code()).as("exit for %d", code).isZero();
      assertThat(r.out()).as("output for %d", code)
          .startsWith("Error code " + code + " ")
          .contains("Phone display: " + e.phoneDisplayLines(Locale.ENGLISH).get(0))
          .contains("Short description: " + e.shortDescription())
          .contains("Cause: " + e.cause().lines().findFirst().orElseThrow());
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void everySeedCodeIsFoundInJapanese() {
    for (int code : SEED_CODES) {
      CliRun r = run("errors", "--lang=ja", String.valueOf(code));
      ErrorEntry e = entry(code);
      assertThat(r.code()).as("exit for %d", code).isZero();
      assertThat(r.out()).as("output for %d", code)
          .startsWith("エラー コード " + code + " ")
          .contains("電話機のディスプレイ: " + e.phoneDisplayLines(Locale.JAPANESE).get(0))
          .contains("短い説明: " + e.shortDescriptionJa())
          .contains("理由: " + e.causeJa().lines().findFirst().orElseThrow());
    }
  }

  @Test
  void textShowsSourceNoteAndInternal() {
    CliRun en = run("errors", "36", "--lang", "en");
    assertThat(en.out()).contains("Error code 36  EMService").contains("Error code 28  EMService")
        .contains("Note: The product documentation prints this row with code 36");
    assertThat(en.out().indexOf("Error code 36")).isLessThan(en.out().indexOf("Error code 28"));
    CliRun ja = run("errors", "201", "--lang", "ja");
    assertThat(ja.out()).contains("エラー コード 201  EMApp").contains("エラー コード 39 (内部エラーコード)")
        .contains("注: 内部エラー コードです。");
    // a multi-line display: the logout line is indented under its label
    assertThat(run("errors", "--lang", "en", "205").out())
        .contains("Phone display: Login is unavailable (205)\n      Logout is unavailable (205)\n");
  }

  @Test
  void wordsInEitherLanguageWithoutQuotes() {
    CliRun en = run("errors", "--lang", "en", "untrusted", "ip");
    assertThat(en.code()).isZero();
    assertThat(en.out()).startsWith("Error code 28 ");
    CliRun ja = run("errors", "--lang", "ja", "信頼されない");
    assertThat(ja.out()).startsWith("エラー コード 28 ");
    CliRun mixed = run("errors", "--lang", "en", "ダミー", "EMCC");
    assertThat(mixed.out()).startsWith("Error code 33 ").contains("No free EMCC dummy device");
  }

  @Test
  void jsonHasExactlyTheAgreedKeys() throws Exception {
    CliRun r = run("errors", "--json", "--lang", "ja", "54");
    assertThat(r.code()).isZero();
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(1);
    JsonNode o = array.get(0);
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(JSON_KEYS);
    assertThat(o.get("code").asInt()).isEqualTo(42);
    assertThat(o.get("source").asText()).isEqualTo("emService");
    assertThat(o.get("internal").isBoolean()).isTrue();
    assertThat(o.get("shortDescriptionJa").asText()).isEqualTo("無効なクラスタ ID");
    assertThat(o.get("note").asText()).startsWith("製品ドキュメントでは");

    JsonNode all = new ObjectMapper().readTree(run("errors", "--json", "--lang", "en", "201").out());
    assertThat(all).hasSize(3);
    for (JsonNode n : all) {
      List<String> k = new ArrayList<>();
      n.fieldNames().forEachRemaining(k::add);
      assertThat(k).containsExactlyElementsOf(JSON_KEYS);
    }
    assertThat(all.get(0).get("note").isNull()).isTrue();
    assertThat(all.get(1).get("internal").asBoolean()).isTrue();
    assertThat(all.get(1).get("note").asText()).startsWith("Internal error code");
  }

  @Test
  void nothingMatchesIsExitOneWithAMessage() {
    CliRun r = run("errors", "--lang", "en", "no", "such", "thing");
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("emcc errors: no error code matches \"no such thing\"" + System.lineSeparator());
    assertThat(run("errors", "--lang", "ja", "99").err()).contains("「99」に一致するエラー コードはありません");
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertThat(run("errors").code()).isEqualTo(ExitCodes.BAD_INPUT);
    CliRun badLang = run("errors", "--lang", "fr", "28");
    assertThat(badLang.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badLang.err()).contains("--lang");
    CliRun blank = run("errors", " ");
    assertThat(blank.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(blank.err()).startsWith("emcc errors: error: the query is empty");
  }

  @Test
  void languageDefaultsToTheSystemLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.JAPAN);
      assertThat(run("errors", "33").out()).startsWith("エラー コード 33 ");
      Locale.setDefault(Locale.US);
      assertThat(run("errors", "33").out()).startsWith("Error code 33 ");
    } finally {
      Locale.setDefault(saved);
    }
  }

  /** The real stdout writer is UTF-8 whatever the platform charset: Japanese must not become "?". */
  @Test
  void japaneseReachesStdoutAsUtf8() {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
      int exit = Main.commandLine().execute("errors", "--lang", "ja", "33");
      assertThat(exit).isZero();
    } finally {
      System.setOut(saved);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("空き EMCC ダミー デバイスなし");
  }

  @Test
  void helpIsThere() {
    CliRun r = run("errors", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: emcc errors").contains("--json").contains("--lang");
  }
}
