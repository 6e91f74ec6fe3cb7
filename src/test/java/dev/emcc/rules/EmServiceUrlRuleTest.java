package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.PhoneService;
import dev.emcc.model.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmServiceUrlRuleTest extends RuleTestSupport {
  private static final String BASE = "http://10.1.0.10:8080/emapp/EMAppServlet?";

  Rule rule() {
    return new EmServiceUrlRule();
  }

  private static Workspace urls(String url, String secure) {
    return first(c -> c.withPhoneServices(replace(c.phoneServices(), 0, s -> new PhoneService(s.name(),
        s.description(), url, secure, s.serviceCategory(), s.serviceType(), s.enabled(), s.enterpriseSubscription()))));
  }

  @Test
  void seedMisprintEmccEqualsEmccHash() {
    Diagnostic d = only(urls(BASE + "device=#DEVICENAME#&EMCC=EMCC#&loginType=SP", null), "emService.emccMisprint",
        "$.clusters[0].phoneServices[0].serviceUrl", null, Severity.ERROR);
    assertThat(d.message()).contains("EMCC=#EMCC#");
  }

  @Test
  void emccParameterMissing() {
    only(urls(BASE + "device=#DEVICENAME#", null), "emService.emccParameter",
        "$.clusters[0].phoneServices[0].serviceUrl", null, Severity.ERROR);
  }

  @Test
  void deviceNameMissing() {
    only(urls(BASE + "EMCC=#EMCC#", null), "emService.deviceName", "$.clusters[0].phoneServices[0].serviceUrl", 207,
        Severity.ERROR);
  }

  @Test
  void loginTypeValuesAreExact() {
    only(urls(BASE + "device=#DEVICENAME#&EMCC=#EMCC#&loginType=dn", null), "emService.loginType",
        "$.clusters[0].phoneServices[0].serviceUrl", 215, Severity.ERROR);
    for (String t : List.of("UID", "SP", "DN")) {
      assertThat(Fixtures.all(urls(BASE + "device=#DEVICENAME#&EMCC=#EMCC#&loginType=" + t, null))).isEmpty();
    }
  }

  @Test
  void secureUrlIsCheckedToo() {
    String secure = "https://10.1.0.10:8443/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#&loginType=PIN";
    // an error, but no login code: the simulated phone opens the Service URL
    only(urls(BASE + "device=#DEVICENAME#&EMCC=#EMCC#", secure), "emService.loginType",
        "$.clusters[0].phoneServices[0].secureServiceUrl", null, Severity.ERROR);
  }

  @Test
  void aClusterOlderThan12IgnoresLoginTypeSoNoLoginFails() {
    var ws = first(c -> c.withVersion("11.5").withPhoneServices(replace(c.phoneServices(), 0,
        s -> new PhoneService(s.name(), s.description(), BASE + "device=#DEVICENAME#&EMCC=#EMCC#&loginType=PIN",
            s.secureServiceUrl(), null, null, true, false))));
    assertThat(Fixtures.all(ws)).filteredOn(d -> d.rule().equals("emService.loginType"))
        .singleElement().satisfies(d -> assertThat(d.predictedError()).isNull());
  }

  @Test
  void secureUrlOverHttp() {
    String secure = "http://10.1.0.10:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#";
    only(urls(BASE + "device=#DEVICENAME#&EMCC=#EMCC#", secure), "emService.secureScheme",
        "$.clusters[0].phoneServices[0].secureServiceUrl", null, Severity.WARNING);
  }

  @Test
  void serviceDisabled() {
    var ws = first(c -> c.withPhoneServices(replace(c.phoneServices(), 0, s -> new PhoneService(s.name(),
        s.description(), s.serviceUrl(), s.secureServiceUrl(), null, null, false, false))));
    // the only EM service: the cluster's phones open none (22)
    only(ws, "emService.disabled", "$.clusters[0].phoneServices[0].enabled", 22, Severity.ERROR);
  }

  @Test
  void noEmService() {
    var ws = first(c -> c.withPhoneServices(List.of(new PhoneService("Directory", null,
        "http://10.1.0.10:8080/ccmcip/xmldirectory.jsp", null, null, null, true, false))));
    single(ws, "emService.missing", "$.clusters[0].phoneServices", 22, Severity.ERROR);
  }
}
