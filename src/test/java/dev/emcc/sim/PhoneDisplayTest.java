package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the phone shows for each code the simulator produces, as the seed prints it (the login or
 * the logout half). The displays come from the error catalog; while the catalog has no entry for a
 * code, the simulator shows the neutral "Login is unavailable (code)". One number in both
 * languages: 40 shows (202), though the seed's Japanese display prints (23).
 */
class PhoneDisplayTest {

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "emApp|201|Please try to login again (201)|再度ログインしてください (201)|false",
      "emApp|202|Please try to login again (202)|再度ログインしてください (202)|false",
      "emApp|207|Login is unavailable (207)|ログインできません (207)|false",
      "emApp|208|Login is unavailable (208)|ログインできません (208)|false",
      "emApp|211|Login is unavailable (211)|ログインできません (211)|false",
      "emApp|212|Login is unavailable (212)|ログインできません (212)|false",
      "emApp|213|Login is unavailable (213)|ログインできません (213)|false",
      "emApp|215|loginType invalid (215)|loginType が無効です (215)|false",
      "emApp|216|DN has multiple users (216)|DN に複数のユーザが存在します (216)|false",
      "emApp|204|Login is unavailable (204)|ログインできません (204)|false",
      "emApp|210|Login is unavailable (210)|ログインできません (210)|false",
      "emApp|210|Logout is unavailable (210)|ログアウトできません (210)|true",
      "emService|3|Login is unavailable (3)|ログインできません (3)|false",
      "emService|6|Login is unavailable (6)|ログインできません (6)|false",
      "emService|8|Login is unavailable (8)|ログインできません (8)|false",
      "emService|9|Login is unavailable (9)|ログインできません (9)|false",
      "emService|10|Login is unavailable (10)|ログインできません (10)|false",
      "emService|21|Logout is unavailable (21)|ログアウトできません (21)|true",
      "emService|29|Login is unavailable (29)|ログインできません (29)|false",
      "emService|1|Login is unavailable (1)|ログインできません (1)|false",
      "emService|2|Login is unavailable (2)|ログインできません (2)|false",
      "emService|5|Login is unavailable (5)|ログインできません (5)|false",
      "emService|11|Login is unavailable (11)|ログインできません (11)|false",
      "emService|18|Login is unavailable (18)|ログインできません (18)|false",
      "emService|19|Logout is unavailable (19)|ログアウトできません (19)|true",
      "emService|20|Logout is unavailable (20)|ログアウトできません (20)|true",
      "emService|22|Login is unavailable (22)|ログインできません (22)|false",
      "emService|23|Login is unavailable (23)|ログインできません (23)|false",
      "emService|25|Login is unavailable (25)|ログインできません (25)|false",
      "emService|26|Login is unavailable (26)|ログインできません (26)|false",
      "emService|28|Login is unavailable (28)|ログインできません (28)|false",
      "emService|30|Login is unavailable (30)|ログインできません (30)|false",
      "emService|31|Login is unavailable (31)|ログインできません (31)|false",
      "emService|32|Login is unavailable (32)|ログインできません (32)|false",
      "emService|33|Login is unavailable (33)|ログインできません (33)|false",
      "emService|35|Login is unavailable (35)|ログインできません (35)|false",
      "emService|36|Login is unavailable (36)|ログインできません (36)|false",
      "emService|37|Login is unavailable (37)|ログインできません (37)|false",
      "emService|38|Login is unavailable (38)|ログインできません (38)|false",
      "emService|39|Please try to login again (201)|再度ログインしてください (201)|false",
      "emService|40|Please try to login again (202)|再度ログインしてください (202)|false",
      "emService|41|PIN change is required|PIN 変更が必要です|false",
      "emService|42|Login is unavailable (42)|ログインできません (42)|false",
      "emService|43|Login is unavailable (43)|ログインできません (43)|false",
      "emService|44|Please try to login again (201)|再度ログインしてください (201)|false",
      "emService|45|Login is unsuccessful (45)|ログインに失敗しました (45)|false",
      "emService|46|Login is unsuccessful (46)|ログインに失敗しました (46)|false",
      "emService|47|DN has multiple users (47)|DN に複数のユーザが存在します (47)|false"})
  void thePhoneShowsWhatTheSeedPrints(String source, int code, String en, String ja, boolean logout) {
    ErrorSource s = source.equals("emApp") ? ErrorSource.EM_APP : ErrorSource.EM_SERVICE;
    String[] shown = PhoneDisplay.of(new EmccError(s, code), logout);
    if (ErrorCatalog.standard().get(s, code).isPresent()) {
      assertThat(shown[0]).isEqualTo(en);
      assertThat(shown[1]).isEqualTo(ja);
    } else {
      String verb = logout ? "Logout" : "Login";
      assertThat(shown[0]).isEqualTo(verb + " is unavailable (" + code + ")");
      assertThat(shown[1]).isEqualTo((logout ? "ログアウト" : "ログイン") + "できません (" + code + ")");
    }
  }
}
