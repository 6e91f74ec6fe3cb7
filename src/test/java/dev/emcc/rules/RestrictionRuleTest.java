package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.catalog.Restrictions;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.PstnAccessTrunkCss;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The interactions and restrictions the configuration shows, and the help page's links to the rules. */
class RestrictionRuleTest extends RuleTestSupport {
  Rule rule() {
    return new RestrictionRule();
  }

  @Test
  void theDemoShowsNone() {
    assertThat(Fixtures.run(rule(), Fixtures.baseline())).isEmpty();
  }

  @Test
  void noRsvpAgentServiceIsNoCallAdmissionControl() {
    var ws = Fixtures.first(c -> {
      InterclusterServiceProfile p = c.interclusterServiceProfile();
      return c.withInterclusterServiceProfile(new InterclusterServiceProfile(p.emccActive(), p.pstnAccessActive(),
          p.pstnAccessSipTrunk(), false, p.rsvpAgentSipTrunk()));
    });
    Diagnostic d = only(ws, RestrictionRule.RSVP_CAC, "$.clusters[0].interclusterServiceProfile.rsvpAgentActive", null,
        Severity.INFO);
    assertThat(d.message()).contains("location-based call admission control");
    assertThat(d.messageJa()).contains("ロケーション CAC");
  }

  @Test
  void thePhonesOriginalCssForPstnAccessIsAnE911Warning() {
    var ws = Fixtures.first(c -> c.withEmccFeatureConfig(new dev.emcc.model.EmccFeatureConfig(
        c.emccFeatureConfig().defaultTftpServer(), c.emccFeatureConfig().backupTftpServer(), null, false,
        PstnAccessTrunkCss.USE_PHONES_ORIGINAL_DEVICE_CSS, c.emccFeatureConfig().geolocationFilter(), null, null, null,
        null, c.emccFeatureConfig().remoteClusterUpdateDefaultServer(), null, null)));
    Diagnostic d = only(ws, RestrictionRule.E911_CSS, "$.clusters[0].emccFeatureConfig.pstnAccessTrunkCss", null,
        Severity.WARNING);
    assertThat(d.message()).contains("E911").contains("phone's original device CSS");
  }

  /** The help page names rules that exist. */
  @Test
  void everyRuleTheHelpPageNamesIsARuleOfTheValidator() throws IllegalAccessException {
    Set<String> ids = new TreeSet<>();
    for (Rule r : Validator.allRules()) {
      for (java.lang.reflect.Field f : r.getClass().getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          ids.add((String) f.get(null));
        }
      }
    }
    for (Restrictions.Topic t : Restrictions.all()) {
      assertThat(ids).as(t.id()).containsAll(t.rules());
    }
    assertThat(Restrictions.get("pstnAccess").orElseThrow().rules()).contains(RestrictionRule.E911_CSS);
  }
}
