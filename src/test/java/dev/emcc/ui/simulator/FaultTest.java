package dev.emcc.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.sim.LoginAttempt;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.SimulatorSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault of the trainer's panel makes alice's login on an Osaka phone fail with its code. */
class FaultTest {
  private static final String PHONE = "SEP00AABBCC0201";
  private static final Map<Fault, Integer> EXPECTED = Map.of(
      Fault.WAN_DOWN, 208, Fault.EM_SERVICE_STOPPED, 208, Fault.CERTIFICATE_MISSING, 208, Fault.WRONG_PIN, 2,
      Fault.USER_EMCC_OFF, 31, Fault.DUPLICATE_DEVICE_NAME, 37, Fault.NO_FREE_EMCC_DEVICE, 33,
      Fault.SECURITY_MODE, 46, Fault.VERSION_CHANGE, 1);

  private static SimulationResult login(Set<Fault> faults) {
    Workspace saved = DemoWorkspace.create();
    Fault.Attempt a = Fault.apply(faults, new Fault.Attempt(DemoWorkspace.OSAKA, PHONE, "alice", "24680", null));
    SimulatorSession session = new SimulatorSession(Fault.apply(faults, saved, a));
    session.setWanUp(!Fault.wanDown(faults));
    return session.login(LoginAttempt.of(a.phone(), a.userId(), a.pin()).withVisitingCluster(a.visitingCluster())
        .withLoginType(a.loginType()));
  }

  @Test
  void withoutFaultsAliceLogsIn() {
    assertThat(login(EnumSet.noneOf(Fault.class)).isSuccess()).isTrue();
  }

  @Test
  void everyFaultGivesItsCode() {
    assertThat(EXPECTED).containsOnlyKeys(Fault.values());
    for (Fault f : Fault.values()) {
      SimulationResult r = login(EnumSet.of(f));
      assertThat(r.code()).as(f.name()).isEqualTo(EXPECTED.get(f));
    }
  }

  @Test
  void faultsChangeACopyOnly() {
    Workspace saved = DemoWorkspace.create();
    Workspace before = DemoWorkspace.create();
    Fault.apply(EnumSet.allOf(Fault.class), saved, new Fault.Attempt(DemoWorkspace.OSAKA, PHONE, "alice", "1", null));
    assertThat(saved).isEqualTo(before);
  }

  @Test
  void logExportsAsCsvAndJson(@TempDir Path dir) throws IOException {
    List<AttemptRecord> log = List.of(new AttemptRecord("09:00:00", "login", "OSAKA/" + PHONE, "alice", "success", null,
        List.of(), null), new AttemptRecord("09:01:00", "login", "OSAKA/" + PHONE, "a,\"b\"", "failure", 2,
        List.of("WRONG_PIN"), AttemptRecord.LIVE));
    assertThat(log.get(0).live()).isFalse();
    assertThat(log.get(1).live()).isTrue();
    AttemptRecord.export(log, dir.resolve("log.csv"));
    assertThat(Files.readString(dir.resolve("log.csv"))).isEqualTo("time,action,phone,user,result,code,faults,mode\r\n"
        + "09:00:00,login,OSAKA/" + PHONE + ",alice,success,,,inProcess\r\n"
        + "09:01:00,login,OSAKA/" + PHONE + ",\"a,\"\"b\"\"\",failure,2,WRONG_PIN,live\r\n");
    AttemptRecord.export(log, dir.resolve("log.json"));
    assertThat(Files.readString(dir.resolve("log.json"))).contains("\"code\" : 2").contains("\"faults\" : [ \"WRONG_PIN\" ]")
        .contains("\"mode\" : \"live\"").contains("\"mode\" : \"inProcess\"").doesNotContain("\"live\" :");
  }
}
