package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulator applies the home cluster's credential policy: wrong PINs count, the one that
 * reaches the threshold locks the PIN (error 9), the right PIN is refused while locked, the trace
 * says so in both languages, and the simulated clock ends the lockout.
 */
class PinLockoutSimulationTest {
  /** alice's home is TOKYO; her PIN is 24680. She visits OSAKA's phone. */
  static final String OSAKA_PHONE = "SEP00AABBCC0201";
  static final String TOKYO_PHONE = "SEP00AABBCC0101";

  static String pinStep(SimulationResult r, boolean japanese) {
    return r.steps().stream().filter(s -> s.check() != null && s.check().endsWith(".pin")).findFirst()
        .map(s -> s.message(japanese)).orElseThrow();
  }

  @Test
  void anEmccLoginLocksAtTheHomeClustersThresholdAndUnlocksOnTheClock() {
    SimulatorSession session = new SimulatorSession(DemoWorkspace.create());
    SimulationResult first = session.login(LoginAttempt.of(OSAKA_PHONE, "alice", "11111"));
    assertThat(first.code()).isEqualTo(2);
    assertThat(pinStep(first, false)).contains("failed attempt 1 of 3");
    assertThat(session.login(LoginAttempt.of(OSAKA_PHONE, "alice", "22222")).code()).isEqualTo(2);
    SimulationResult third = session.login(LoginAttempt.of(OSAKA_PHONE, "alice", "33333"));
    assertThat(third.code()).isEqualTo(9);
    assertThat(pinStep(third, false)).contains("failed attempt 3").contains("locked until 2026-01-05T09:30:00Z");
    assertThat(pinStep(third, true)).contains("3 回目の失敗").contains("ロックされます");

    SimulationResult right = session.login(LoginAttempt.of(OSAKA_PHONE, "alice", "24680"));
    assertThat(right.code()).as("the right PIN while locked").isEqualTo(9);
    assertThat(right.phoneDisplay()).contains("9");
    assertThat(pinStep(right, false)).contains("is locked after 3 failed attempts").contains("even the right PIN");
    assertThat(pinStep(right, true)).contains("正しい PIN も拒否されます");

    session.advance(Duration.ofMinutes(29));
    assertThat(session.login(LoginAttempt.of(OSAKA_PHONE, "alice", "24680")).code()).isEqualTo(9);
    session.advance(Duration.ofMinutes(1));
    assertThat(session.login(LoginAttempt.of(OSAKA_PHONE, "alice", "24680")).isSuccess()).isTrue();
  }

  @Test
  void aLocalLoginCountsTooUnderTheConfiguredPolicy() {
    SimulatorSession session = new SimulatorSession(DemoWorkspace.create().updateCluster("TOKYO",
        c -> c.withEmServiceParameters(c.emServiceParameters().withCredentialPolicy(5, 10, 15))));
    for (int i = 1; i <= 4; i++) {
      SimulationResult r = session.login(LoginAttempt.of(TOKYO_PHONE, "alice", "0000" + i));
      assertThat(r.code()).isEqualTo(201);
      assertThat(pinStep(r, false)).contains("failed attempt " + i + " of 5");
    }
    SimulationResult fifth = session.login(LoginAttempt.of(TOKYO_PHONE, "alice", "00005"));
    assertThat(fifth.code()).isEqualTo(9);
    assertThat(pinStep(fifth, false)).contains("locked until 2026-01-05T09:10:00Z");
    session.advance(Duration.ofMinutes(10));
    assertThat(session.login(LoginAttempt.of(TOKYO_PHONE, "alice", "24680")).isSuccess()).isTrue();
  }
}
