package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.PhoneService;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneSubscriptionRuleTest extends RuleTestSupport {
  Rule rule() {
    return new PhoneSubscriptionRule();
  }

  @Test
  void extensionMobilityOff() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 4, p -> p.withEnableExtensionMobility(false))));
    only(ws, "phone.emDisabled", "$.clusters[0].phones[4].enableExtensionMobility", 22, Severity.WARNING);
  }

  @Test
  void notSubscribedToTheEmService() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 4, p -> p.withSubscribedServices(List.of()))));
    only(ws, "phone.notSubscribed", "$.clusters[0].phones[4].subscribedServices", 22, Severity.ERROR);
  }

  @Test
  void enterpriseSubscriptionMakesSubscribingUnnecessary() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 4, p -> p.withSubscribedServices(List.of())))
        .withPhoneServices(replace(c.phoneServices(), 0, s -> new PhoneService(s.name(), s.description(),
            s.serviceUrl(), s.secureServiceUrl(), null, null, true, true))));
    assertThat(Fixtures.all(ws)).isEmpty();
  }
}
