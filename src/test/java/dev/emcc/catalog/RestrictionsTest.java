package dev.emcc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The interactions and restrictions of the seed (tables 3 and 4), bilingual, the Japanese word for word. */
class RestrictionsTest {

  private static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void everyRowOfTables3And4IsThereInTheSeedsOrder() {
    assertThat(Restrictions.all()).extracting(Restrictions.Topic::id).containsExactly("audio",
        "callAdmissionControl", "callForwarding", "loginLogout", "mediaResources", "pstnAccess", "otherFeatures",
        "security", "ipv6", "unsupported", "duplicateDevice", "deviceCount", "logoutFromVisiting", "loginAtVisiting");
    assertThat(Restrictions.all().stream().filter(t -> t.kind() == Restrictions.Kind.INTERACTION)).hasSize(9);
    assertThat(new HashSet<>(Restrictions.all().stream().map(Restrictions.Topic::id).toList())).hasSize(14);
  }

  /** seed-restrictions.txt: seed lines 520-553, the two tables. */
  @Test
  void theJapaneseIsTheSeedsWordForWord() throws IOException {
    String seed;
    try (var in = RestrictionsTest.class.getResourceAsStream("seed-restrictions.txt")) {
      seed = squash(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    for (Restrictions.Topic t : Restrictions.all()) {
      assertThat(seed).as(t.id() + " feature").contains(squash(t.featureJa()));
      for (String line : t.textJa()) {
        assertThat(seed).as(t.id()).contains(squash(line));
      }
      assertThat(t.text()).as(t.id()).hasSameSizeAs(t.textJa()).allSatisfy(s -> assertThat(s).isNotBlank());
    }
  }

  @Test
  void theTopicsTheIssueNamesAreThere() {
    String all = Restrictions.all().stream().flatMap(t -> t.text(Locale.ENGLISH).stream())
        .collect(Collectors.joining("\n"));
    assertThat(all).contains("RSVP agent-based CAC").contains("local to the visiting phone (except RSVP agents)")
        .contains("E911").contains("intercom").contains("dual stack").contains("Location CAC is not supported")
        .contains("licences used in the home cluster");
    assertThat(Restrictions.get("pstnAccess").orElseThrow().feature(Locale.JAPANESE)).isEqualTo("訪問先電話機に対する PSTN アクセス");
    assertThat(Restrictions.concerning("interclusterServiceProfile")).extracting(Restrictions.Topic::id)
        .contains("callAdmissionControl", "mediaResources", "pstnAccess", "unsupported");
  }
}
