package dev.emcc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.emcc.format.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An application user: a clear password is hashed at once and never written back; the policy and the roles. */
class ApplicationUserTest {
  static ApplicationUser read(String json) throws Exception {
    return Json.mapper().readValue(json, ApplicationUser.class);
  }

  @Test
  void aClearPasswordIsHashedAtOnceAndOnlyTheHashIsWritten() throws Exception {
    ApplicationUser u = read("{\"userId\":\"emapi\",\"password\":\"emapi-demo\",\"roles\":[\""
        + ApplicationUser.EM_PROXY_RIGHTS + "\"]}");
    assertThat(u.passwordHash()).startsWith(PinHash.PREFIX + "$");
    assertThat(u.passwordMatches("emapi-demo")).isTrue();
    assertThat(u.passwordMatches("emapi-demo ")).isFalse();
    assertThat(u.hasRole(ApplicationUser.EM_PROXY_RIGHTS)).isTrue();
    assertThat(u.hasRole(ApplicationUser.AXL_API_ACCESS)).isFalse();
    JsonNode written = Json.mapper().valueToTree(u);
    assertThat(written.has("password")).isFalse();
    assertThat(written.toString()).doesNotContain("emapi-demo");
    assertThat(read(written.toString())).isEqualTo(u);
  }

  @Test
  void thePasswordPolicyAndTheRolesAreChecked() {
    for (String bad : new String[] {"short", " ".repeat(9), "x".repeat(128), "emapiuser"}) {
      assertThatThrownBy(() -> read("{\"userId\":\"emapiuser\",\"password\":\"" + bad + "\"}"))
          .as(bad).isInstanceOf(ValueInstantiationException.class).hasRootCauseInstanceOf(FieldException.class);
    }
    assertThat(ApplicationUser.passwordProblem("short", "u")).contains("8 to 127");
    assertThatThrownBy(() -> read("{\"userId\":\"a\",\"password\":\"long-enough\",\"roles\":[\"Standard CCM Super Users\"]}"))
        .hasRootCauseMessage("unknown role \"Standard CCM Super Users\": one of \"Standard EM Authentication Proxy "
            + "Rights\", \"Standard AXL API Access\"");
    assertThatThrownBy(() -> read("{\"userId\":\"a\",\"password\":\"long-enough\",\"passwordHash\":\""
        + PinHash.hash("x", 1000) + "\"}")).hasRootCauseMessage("give either password or passwordHash, not both");
    assertThatThrownBy(() -> read("{\"userId\":\"a\",\"passwordHash\":\"plain\"}"))
        .hasRootCauseMessage("passwordHash is not a hash this console wrote");
    assertThat(ApplicationRole.of("Standard AXL API Access")).contains(ApplicationRole.AXL_API_ACCESS);
    assertThat(new ApplicationUser("a", null, null, null).roles()).isEqualTo(List.of());
  }
}
