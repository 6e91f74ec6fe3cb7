package dev.emcc.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.catalog.ErrorCatalog.Hit;
import dev.emcc.catalog.ErrorCatalog.Match;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCatalogTest {
  /** The codes of the seed's tables 9 and 10 (reference §13). */
  static final List<Integer> EM_APP = List.of(201, 202, 204, 205, 207, 208, 210, 211, 212, 213, 215, 216);
  static final List<Integer> EM_SERVICE = List.of(0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 18, 19, 20,
      21, 22, 23, 25, 26, 28, 29, 30, 31, 32, 33, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47);

  private final ErrorCatalog catalog = ErrorCatalog.standard();

  private static List<Integer> codes(List<ErrorEntry> entries) {
    return entries.stream().map(ErrorEntry::code).toList();
  }

  private ErrorEntry service(int code) {
    return catalog.get(ErrorSource.EM_SERVICE, code).orElseThrow();
  }

  @Test
  void holdsExactlyTheRowsOfBothTablesAndTheEmApisOwn() {
    assertThat(catalog.entries()).hasSize(53);
    assertThat(catalog.entries().stream().filter(e -> e.source() == ErrorSource.EM_API).map(ErrorEntry::code))
        .containsExactly(7, 27);
    assertThat(catalog.entries().stream().filter(e -> e.source() == ErrorSource.EM_APP).map(ErrorEntry::code))
        .containsExactlyElementsOf(EM_APP);
    assertThat(catalog.entries().stream().filter(e -> e.source() == ErrorSource.EM_SERVICE).map(ErrorEntry::code))
        .containsExactlyElementsOf(EM_SERVICE);
  }

  /** Japanese texts are the seed's word for word: only the PDF's line-break spaces may differ. */
  @Test
  void japaneseTextsComeFromTheSeed() throws IOException {
    String seed = squash(seedTables());
    for (ErrorEntry e : catalog.entries()) {
      if (e.source() == ErrorSource.EM_API) {
        continue; // not in the product documentation: see theEmApisCodesSayWhereTheyComeFrom
      }
      assertThat(seed).as("short description of %d", e.code()).contains(squash(e.shortDescriptionJa()));
      assertThat(seed).as("cause of %d", e.code()).contains(squash(e.causeJa()));
      if (e.code() == 12) {
        continue; // the seed prints no display for 12: see misprintOf12
      }
      for (String line : e.phoneDisplayLines(Locale.JAPANESE)) {
        assertThat(seed).as("display of %d", e.code()).contains(squash(line));
      }
    }
  }

  @Test
  void englishMarkedAsFromTheSeedIsTheSeeds() throws IOException {
    String seed = squash(seedTables());
    for (ErrorEntry e : catalog.entries()) {
      assertThat(e.englishFromSeed()).isSubsetOf("phoneDisplay", "shortDescription");
      if (e.englishFromSeed().contains("phoneDisplay") && e.code() != 205) { // 205: corrected misprint
        for (String line : e.phoneDisplayLines(Locale.ENGLISH)) {
          assertThat(seed).as("English display of %d", e.code()).contains(squash(line));
        }
      }
      if (e.englishFromSeed().contains("shortDescription")) {
        assertThat(seed).as("English short description of %d", e.code())
            .contains(squash("(" + e.shortDescription() + ")"));
      }
    }
  }

  /** 7 and 27 are the EM API documentation's (Cisco's response code table), in both languages. */
  @Test
  void theEmApisCodesSayWhereTheyComeFrom() {
    for (int code : new int[] {7, 27}) {
      ErrorEntry e = catalog.get(ErrorSource.EM_API, code).orElseThrow();
      assertThat(e.note()).startsWith("From Cisco's Extension Mobility API documentation");
      assertThat(e.noteJa()).startsWith("機能ガイドの表ではなく、Cisco の Extension Mobility API ドキュメント");
      assertThat(e.englishFromSeed()).isEmpty();
      assertThat(catalog.get(ErrorSource.EM_SERVICE, code)).isEmpty();
      assertThat(catalog.query(String.valueOf(code))).first().isEqualTo(e);
    }
    assertThat(catalog.get(ErrorSource.EM_API, 7).orElseThrow().shortDescription()).isEqualTo("Logout Request Error");
    assertThat(catalog.get(ErrorSource.EM_API, 27).orElseThrow().shortDescriptionJa()).isEqualTo("パスワードの変更");
  }

  /** 9 and 12: the English is the seed's parenthesised words, without the Japanese column's prefix. */
  @Test
  void englishShortDescriptionsAreTheSeedsWords() {
    assertThat(service(9).shortDescription()).isEqualTo("User Info Error");
    assertThat(service(9).shortDescriptionJa()).isEqualTo("Dir. ユーザ情報エラー");
    assertThat(service(12).shortDescription()).isEqualTo("Profile not found");
  }

  /** Notes a user reads name the product documentation, never "the seed". */
  @Test
  void notesSpeakOfTheProductDocumentation() {
    for (ErrorEntry e : catalog.entries()) {
      if (e.note() != null) {
        assertThat(e.note()).as("note of %d", e.code()).doesNotContainIgnoringCase("seed");
        assertThat(e.noteJa()).as("noteJa of %d", e.code()).doesNotContain("シード");
      }
    }
    for (int code : new int[] {12, 28, 42}) {
      assertThat(service(code).note()).as("note of %d", code).startsWith("The product documentation prints");
      assertThat(service(code).noteJa()).as("noteJa of %d", code).startsWith("製品ドキュメントでは");
    }
    ErrorEntry e205 = catalog.get(ErrorSource.EM_APP, 205).orElseThrow();
    assertThat(e205.note()).startsWith("The product documentation prints");
    assertThat(e205.noteJa()).startsWith("製品ドキュメントでは");
  }

  /** The readings this console takes where a row's words allow more than one (docs/simulator.md). */
  @Test
  void readingsTakenAreNotedOnTheirRows() {
    assertThat(service(38).note()).contains("31").contains("remote cluster entry");
    assertThat(service(38).noteJa()).contains("31").contains("リモート クラスタ エントリ");
    assertThat(catalog.get(ErrorSource.EM_APP, 204).orElseThrow().note()).contains("directory (IMS)").contains("201");
    assertThat(service(45).note()).contains("table 7").contains("not supported");
    assertThat(service(45).noteJa()).contains("表 7").contains("サポート対象外");
    assertThat(service(40).note()).contains("Login is unavailable");
    assertThat(service(40).noteJa()).contains("ログイン不可");
  }

  @Test
  void internalCodesAreTheFourTheSeedMarks() {
    assertThat(catalog.entries().stream().filter(ErrorEntry::internal).map(ErrorEntry::code))
        .containsExactly(39, 40, 41, 44);
    assertThat(service(39).shownAs()).isEqualTo(201);
    assertThat(service(44).shownAs()).isEqualTo(201);
    assertThat(service(39).note()).contains("Please try to login again (201)");
    assertThat(service(44).noteJa()).contains("再度ログインしてください (201)");
  }

  @Test
  void aCodeFindsItsRow() {
    assertThat(catalog.query("28")).first().extracting(ErrorEntry::code).isEqualTo(28);
    assertThat(catalog.query("0")).extracting(ErrorEntry::code).containsExactly(0);
    assertThat(catalog.query("216")).extracting(ErrorEntry::code).containsExactly(216);
    assertThat(catalog.query("(47)")).extracting(ErrorEntry::code).containsExactly(47);
    assertThat(catalog.query("２８")).extracting(ErrorEntry::code).containsExactly(28); // full-width
  }

  @Test
  void misprint36FindsNoRemoteClusterThenUntrustedIp() {
    List<Hit> hits = catalog.search("36");
    assertThat(hits).extracting(h -> h.entry().code()).containsExactly(36, 28);
    assertThat(hits).extracting(Hit::match).containsExactly(Match.CODE, Match.PRINTED_CODE);
    ErrorEntry untrusted = hits.get(1).entry();
    assertThat(untrusted.printedCode()).isEqualTo(36);
    assertThat(untrusted.shortDescription()).isEqualTo("Untrusted IP Error");
    assertThat(untrusted.note()).contains("36").contains("28");
    assertThat(untrusted.noteJa()).contains("36").contains("28");
    assertThat(hits.get(0).entry().note()).contains("Untrusted IP Error");
  }

  @Test
  void misprint54IsInvalidClusterId42() {
    List<ErrorEntry> found = catalog.query("54");
    assertThat(codes(found)).containsExactly(42);
    assertThat(found.get(0).printedCode()).isEqualTo(54);
    assertThat(found.get(0).shortDescriptionJa()).isEqualTo("無効なクラスタ ID");
    assertThat(found.get(0).note()).contains("54").contains("42");
    assertThat(found.get(0).noteJa()).contains("54").contains("42");
    assertThat(catalog.query("42")).extracting(ErrorEntry::code).containsExactly(42);
  }

  @Test
  void misprintOf205EnglishDisplay() {
    ErrorEntry e = catalog.get(ErrorSource.EM_APP, 205).orElseThrow();
    assertThat(e.phoneDisplayLines(Locale.ENGLISH))
        .containsExactly("Login is unavailable (205)", "Logout is unavailable (205)");
    assertThat(e.note()).contains("(204)");
    assertThat(e.noteJa()).contains("(204)");
  }

  @Test
  void misprintOf12Display() {
    ErrorEntry e = service(12);
    assertThat(e.phoneDisplay()).isEqualTo("Login is unavailable (12)");
    assertThat(e.phoneDisplayJa()).isEqualTo("ログインできません (12)");
    assertThat(e.shortDescriptionJa()).isEqualTo("Dev. プロファイルが見つかりません");
    assertThat(e.causeJa()).isEqualTo("デバイスプロファイルがリモートユーザに関連付けられていません。");
    assertThat(e.note()).contains("code 11").contains("電話機レコードのエントリがデバイステーブルに含まれていません。");
    assertThat(e.noteJa()).contains("11");
  }

  @Test
  void misprintOf40Display() {
    ErrorEntry e = service(40);
    assertThat(e.phoneDisplayJa()).isEqualTo("再度ログインしてください (23)");
    assertThat(e.phoneDisplay()).isEqualTo("Please try to login again (202)");
    assertThat(e.shownAs()).isEqualTo(202);
    assertThat(e.note()).contains("(23)").contains("(202)");
    assertThat(e.noteJa()).contains("(23)").contains("(202)");
    assertThat(codes(catalog.query("202"))).containsExactly(202, 40);
    assertThat(codes(catalog.query("23"))).containsExactly(23, 40);
  }

  @Test
  void theNumberThePhoneShowsFindsInternalCodes() {
    List<Hit> hits = catalog.search("201");
    assertThat(hits).extracting(h -> h.entry().code()).containsExactly(201, 39, 44);
    assertThat(hits).extracting(Hit::match).containsExactly(Match.CODE, Match.SHOWN_NUMBER, Match.SHOWN_NUMBER);
  }

  @Test
  void englishWordsAnyCaseAllMustMatch() {
    assertThat(catalog.query("untrusted IP")).first().extracting(ErrorEntry::code).isEqualTo(28);
    assertThat(catalog.query("NO REMOTE CLUSTER")).first().extracting(ErrorEntry::code).isEqualTo(36);
    assertThat(codes(catalog.query("dummy device"))).containsExactly(33);
    assertThat(codes(catalog.query("tftp"))).containsExactly(39);
    assertThat(catalog.query("untrusted dummy")).isEmpty();
    assertThat(codes(catalog.query("pin"))).contains(2, 41, 202, 204);
  }

  @Test
  void japaneseWordsBySubstring() {
    assertThat(catalog.query("信頼されない")).first().extracting(ErrorEntry::code).isEqualTo(28);
    assertThat(codes(catalog.query("ダミー"))).containsExactly(33);
    assertThat(catalog.query("リモートクラスタなし")).first().extracting(ErrorEntry::code).isEqualTo(36);
    // several words, all must match: 31 and 38 mention the check box on the home cluster
    assertThat(codes(catalog.query("ホームクラスタ チェックボックス"))).containsExactlyInAnyOrder(31, 38);
    // spaces and the long vowel do not matter: the seed writes "ユーザ ID" and "ディレクトリ サーバ"
    assertThat(codes(catalog.query("ユーザーID"))).contains(202, 23);
    assertThat(codes(catalog.query("ディレクトリサーバー"))).containsExactly(204);
    // half-width katakana is folded
    assertThat(codes(catalog.query("ﾀﾞﾐｰ"))).containsExactly(33);
  }

  @Test
  void shortDescriptionMatchesRankBeforeCauseMatches() {
    // "EMCC" + "サポート": 213 and 32 say it in their short description
    List<Integer> found = codes(catalog.query("EMCC をサポートしていません"));
    assertThat(found.subList(0, 2)).containsExactly(213, 32);
  }

  @Test
  void emptyQueryIsRefused() {
    assertThatThrownBy(() -> catalog.query("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> catalog.query(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownNumberFindsNothing() {
    assertThat(catalog.query("99")).isEmpty();
    assertThat(catalog.query("xyzzy")).isEmpty();
  }

  @Test
  void displayForTheSimulator() {
    assertThat(catalog.displayFor(32, ErrorSource.EM_SERVICE, Locale.JAPAN)).contains("ログインできません (32)");
    assertThat(catalog.displayFor(32, ErrorSource.EM_SERVICE, Locale.US)).contains("Login is unavailable (32)");
    assertThat(catalog.displayFor(39, ErrorSource.EM_SERVICE, Locale.ENGLISH)).contains("Please try to login again (201)");
    assertThat(catalog.displayFor(213, ErrorSource.EM_APP, Locale.FRENCH)).contains("Login is unavailable (213)");
    assertThat(catalog.logoutDisplayFor(19, ErrorSource.EM_SERVICE, Locale.JAPANESE)).contains("ログアウトできません (19)");
    assertThat(catalog.logoutDisplayFor(2, ErrorSource.EM_SERVICE, Locale.ENGLISH)).isEmpty();
    assertThat(catalog.displayFor(213, ErrorSource.EM_SERVICE, Locale.ENGLISH)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ja"})
  void everyEntryHasTextInBothLanguages(String lang) {
    Locale locale = Locale.forLanguageTag(lang);
    Set<String> displays = catalog.entries().stream().map(e -> e.phoneDisplay(locale)).collect(Collectors.toSet());
    assertThat(displays).allSatisfy(d -> assertThat(d).isNotBlank());
    for (ErrorEntry e : catalog.entries()) {
      boolean ja = lang.equals("ja");
      assertThat(e.cause(locale)).isEqualTo(ja ? e.causeJa() : e.cause());
      assertThat(e.note(locale)).isEqualTo(ja ? e.noteJa() : e.note());
    }
  }

  private static String seedTables() throws IOException {
    try (InputStream in = ErrorCatalogTest.class.getResourceAsStream("seed-error-tables.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Without whitespace, HTML tags and bullets: the PDF's line breaks fall anywhere. */
  private static String squash(String s) {
    return s.replaceAll("<[^>]+>|[\\s•]", "");
  }
}
